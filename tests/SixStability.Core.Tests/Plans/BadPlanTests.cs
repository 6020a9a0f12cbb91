using SixStability.Core.Plans;

namespace SixStability.Core.Tests.Plans;

public sealed class BadPlanTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    public void An_empty_plan_is_refused_with_a_clear_message(string text)
    {
        Action act = () => PlanImporter.Import("p", text);

        act.Should().Throw<PlanFormatException>().WithMessage("方案文本为空。");
    }

    [Fact]
    public void A_text_without_tasks_is_refused()
    {
        Action act = () => PlanImporter.Import("p", "关于印发某某方案的通知\n各单位：请认真贯彻执行。");

        act.Should().Throw<PlanFormatException>().WithMessage("未识别到任何任务*");
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        Action act = () => PlanImporter.Import("p", "PK\u0003\u0004\0\0word/document.xml");

        act.Should().Throw<PlanFormatException>().WithMessage("*二进制*");
    }

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("-x")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_bad_plan_id_is_refused(string planId)
    {
        Action act = () => PlanImporter.Import(planId, "二、保就业\n(一)稳岗。内容。(责任单位:市人社局)");

        act.Should().Throw<PlanFormatException>().WithMessage("方案编号*");
    }

    [Fact]
    public void Numbering_repeated_within_a_section_is_a_warning_and_both_tasks_keep_distinct_numbers()
    {
        PlanImportResult result = PlanImporter.Import("p", "某市方案\n2020年6月3日\n二、保就业\n(一)稳岗。内容。(责任单位:市人社局)\n(一)又一个。内容。(责任单位:市财政局)");

        result.Warnings.Select(w => w.ToString()).Should().Equal("第5行：任务编号重复：（一）。");
        result.Catalog.Tasks.Select(t => (t.Number, t.Label, t.LeadUnit)).Should().Equal((1, null, "市人社局"), (2, "（一）", "市财政局"));
    }

    [Fact]
    public void What_cannot_be_read_is_reported_with_its_line()
    {
        const string text = """
            某市方案
            2020年6月3日
            二、保就业
            这一段不属于任何任务。
            (一)稳岗。没有写责任单位。
            (三)扩岗。内容。(责任单位:市人社局)
            """;

        PlanImportResult result = PlanImporter.Import("p", text);

        result.Warnings.Select(w => w.ToString()).Should().BeEquivalentTo(
            "第4行：章节“保就业”中首个任务之前的文字未归入任何任务：这一段不属于任何任务。",
            "第5行：（一）稳岗：未写责任单位，未列为任务。",
            "第6行：任务编号不连续：应为（二），实为（三）。");
        result.Catalog.Tasks.Should().ContainSingle().Which.Should().Match<PlanTask>(t => t.Number == 1 && t.Label == "（三）" && t.Title == "扩岗");
    }

    [Fact]
    public void A_missing_issue_date_is_a_warning_and_year_less_deadlines_are_not_guessed()
    {
        PlanImportResult result = PlanImporter.Import("p", "某市方案\n二、保就业\n(一)稳岗。6月底前完成。(责任单位:市人社局)");

        result.Catalog.Issued.Should().BeNull();
        result.Catalog.FindTask(1)!.Deadlines.Should().BeEmpty();
        result.Warnings.Select(w => w.Message).Should().Contain(m => m.Contains("未找到印发日期", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("“6月底”未写年份", StringComparison.Ordinal));
    }
}
