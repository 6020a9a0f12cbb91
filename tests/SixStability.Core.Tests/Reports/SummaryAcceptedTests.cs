using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Reports;
using SixStability.Core.Reports.Layout;
using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Reports;

/// <summary>已审核 in the quarterly summary: the overview's count, each unit's facts, the 汇总表's column, the report's sentence.</summary>
public sealed class SummaryAcceptedTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);
    private static readonly BusinessCalendar China = HolidayCn.Calendar();

    private static readonly PlanCatalog Plan = new("p", "实施方案",
    [
        new PlanSection(1, "稳就业", [new PlanTask(1, "稳岗", "…", ["甲局", "乙局", "丙县"], [], [])]),
    ]);

    private static readonly SummaryInput Input = new("p-2020Q3", new Quarter(2020, 3), Plan, SummaryCompilerTests.Directory, China, new DateOnly(2020, 10, 23), Final: true, LastLevel: 3, at => DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime));

    private static Obligation Reported(string unit, bool lead) =>
        new Obligation("p-2020Q3", unit, 1, lead, ObligationState.Outstanding, Due).Submit(ChinaTime.At(Due.AddDays(-1), new TimeOnly(9, 0)), Due.AddDays(-1), new ReportedFigures(ReportedFigures.OnTrack, []));

    private static Obligation Accepted(string unit, bool lead) => Reported(unit, lead).Accept(ChinaTime.At(Due, new TimeOnly(15, 30))).Value!;

    [Fact]
    public void The_summary_counts_accepted_reports_overall_and_per_unit_and_a_returned_one_is_not_accepted()
    {
        Obligation[] obligations = [Accepted("a", true), Reported("b", false), Accepted("c", false).Return("请补充").Value!];

        CycleSummary summary = SummaryCompiler.Compile(Input, obligations);

        summary.Overview.Accepted.Should().Be(1);
        summary.Overview.Submitted.Should().Be(2);
        summary.Units!.Single(u => u.UnitId == "a").Facts.Accepted.Should().Be(1);
        summary.Units!.Single(u => u.UnitId == "b").Facts.Accepted.Should().Be(0);
    }

    [Fact]
    public void The_report_says_how_many_reports_were_accepted_and_says_nothing_of_it_when_none_were()
    {
        CycleSummary some = SummaryCompiler.Compile(Input, [Accepted("a", true), Accepted("b", false), Reported("c", false)]);
        CycleSummary none = SummaryCompiler.Compile(Input, [Reported("a", true), Reported("b", false), Reported("c", false)]);

        string withAccepted = string.Concat(ReportLayout.Build(some).Body.OfType<ParagraphBlock>().Select(p => p.Text));
        string withoutAccepted = string.Concat(ReportLayout.Build(none).Body.OfType<ParagraphBlock>().Select(p => p.Text));

        withAccepted.Should().Contain("已报送3份（经审核通过2份）");
        withoutAccepted.Should().NotContain("审核通过");
    }

    [Fact]
    public void The_summary_sheet_marks_an_accepted_report_in_its_review_column()
    {
        var rows = new SummaryRows(Input);

        SummaryRow accepted = rows.Row(Accepted("a", true), new ReportText("已完成。"));
        SummaryRow submitted = rows.Row(Reported("b", false), new ReportText("推进中。"));

        SummaryRows.Headers[^1].Should().Be("审核情况");
        accepted.Review.Should().Be("已审核");
        submitted.Review.Should().BeEmpty();
    }
}
