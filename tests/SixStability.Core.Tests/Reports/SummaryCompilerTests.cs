using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Reports;
using SixStability.Core.Submissions;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Reports;

/// <summary>The quarterly summary compiled from hand-built cycles: three units, three tasks, one indicator.</summary>
public sealed class SummaryCompilerTests
{
    private const string Households = "老旧小区改造";
    private const string Days = "审批时限";
    private static readonly BusinessCalendar China = HolidayCn.Calendar();
    private static readonly DateOnly Due = new(2020, 10, 14);
    private static readonly DateOnly Close = new(2020, 10, 23);
    private static readonly Quarter Q3 = new(2020, 3);

    private static readonly PlanCatalog Plan = new("p", "实施方案",
    [
        new PlanSection(1, "稳就业", [new PlanTask(1, "稳岗", "…", ["甲局", "乙局"], [new Indicator(Households, 20000m, "户")], [new TaskDeadline(new DateOnly(2020, 6, 30), "6月底前完成"), new TaskDeadline(new DateOnly(2020, 12, 31), "年底前完成")])]),
        new PlanSection(2, "保主体", [
            new PlanTask(2, "减负", "…", ["乙局", "丙县"], [new Indicator(Days, 60m, "个工作日", IndicatorKind.AtMost)], [new TaskDeadline(new DateOnly(2020, 9, 30), "9月底前出台")]),
            new PlanTask(3, "纾困", "…", ["丙县"], [], [])]),
    ]);

    internal static readonly UnitDirectory Directory = new(
        new Contact("市发改委", "fgw@example.gov.cn"),
        new Contact("市政府督查室", "dcs@example.gov.cn"),
        [new Contact("市政府办公室", "szf@example.gov.cn")],
        [new Leader("l1", "张三", "副市长", "l1@example.gov.cn")],
        [
            new Unit("a", "甲局", UnitKind.Department, "a@example.gov.cn", "l1"),
            new Unit("b", "乙局", UnitKind.Department, "b@example.gov.cn", "l1"),
            new Unit("c", "丙县", UnitKind.CountyGovernment, "c@example.gov.cn", "l1"),
        ],
        []);

    private static SummaryInput Input(CycleSummary? previous = null, Quarter? quarter = null) =>
        new("p-2020Q3", quarter ?? Q3, Plan, Directory, China, Close, Final: true, LastLevel: 3, at => DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime), previous);

    private static SummaryInput Preview(DateOnly asOf) => Input() with { AsOf = asOf, Final = false };

    private static Obligation Owed(string unit, int task, bool lead, int level = 0) =>
        new("p-2020Q3", unit, task, lead, ObligationState.Outstanding, Due, EscalationLevel: level);

    private static Obligation Reported(string unit, int task, bool lead, string status = ReportedFigures.OnTrack, DateOnly? on = null, params IndicatorReading[] readings)
    {
        DateOnly day = on ?? Due.AddDays(-2);
        return Owed(unit, task, lead).Submit(ChinaTime.At(day, new TimeOnly(10, 0)), day, new ReportedFigures(status, readings));
    }

    /// <summary>Everyone reports on time and on pace: a leads 1, b leads 2, c leads 3.</summary>
    private static List<Obligation> AllGood() =>
    [
        Reported("a", 1, true, ReportedFigures.Done, null, new IndicatorReading(Households, 16000m)),
        Reported("b", 1, false),
        Reported("b", 2, true, ReportedFigures.Done, null, new IndicatorReading(Days, 45m)),
        Reported("c", 2, false),
        Reported("c", 3, true),
    ];

    [Fact]
    public void An_empty_cycle_compiles_to_an_empty_summary_with_zero_rates()
    {
        CycleSummary summary = SummaryCompiler.Compile(Input(), []);

        summary.Overview.Should().Be(new SummaryOverview(0, 0, 0, 0, 0, 0, 0, 0m, 0, 0, 0));
        summary.Sections.Should().BeEmpty();
        summary.LateUnits.Should().BeEmpty();
        summary.Commended.Should().BeEmpty();
        summary.Accountable.Should().BeEmpty();
        summary.Reporter.Should().Be("市发改委");
    }

    [Fact]
    public void Commendation_needs_points_earned_not_just_every_report_on_time()
    {
        CycleSummary summary = SummaryCompiler.Compile(Input(), AllGood());

        summary.Overview.Should().Be(new SummaryOverview(3, 3, 5, 5, 5, 0, 0, 100m, 3, 0, 0, 0, Due));
        summary.Tasks.Select(t => t.Status).Should().AllBeEquivalentTo(Rag.Green);
        summary.Commended.Should().Equal(
            new UnitMention("a", "甲局", "1项指标超序时进度或达标（+1）；1个节点按期完成（+1）", 2m),
            new UnitMention("b", "乙局", "1项指标超序时进度或达标（+1）；1个节点按期完成（+1）", 2m));
        summary.Units!.Single(u => u.UnitId == "c").Score.Total.Should().Be(0m, "丙县 reported on time, which is expected, and earned nothing beyond it");
        summary.Accountable.Should().BeEmpty();
        summary.Tasks.First().Indicators.Single().Should().Be(new IndicatorSummary(Households, 20000m, "户", IndicatorDirection.AtLeast, 16000m, 80m, 75m, true, Kind: IndicatorKind.Cumulative, Ahead: true));
    }

    [Fact]
    public void A_unit_that_submitted_nothing_is_listed_as_missing_late_by_working_days_and_accountable_by_its_score()
    {
        List<Obligation> obligations = [.. AllGood().Where(o => o.UnitId != "c"), Owed("c", 2, false, level: 2), Owed("c", 3, true, level: 2)];

        CycleSummary summary = SummaryCompiler.Compile(Input(), obligations);

        summary.Tasks.Single(t => t.Number == 2).Missing.Should().Equal("丙县");
        summary.Tasks.Single(t => t.Number == 2).Reported.Should().Equal("乙局");
        summary.Tasks.Single(t => t.Number == 3).Status.Should().Be(Rag.Red);
        summary.Tasks.Single(t => t.Number == 3).Reasons.Should().Contain("牵头单位未报送");
        summary.Tasks.Single(t => t.Number == 2).Status.Should().Be(Rag.Red, "one of two units missing is half");

        // 10-14 (Wed) to 10-23 (Fri): 7 working days, twice; level 2: 7 × 2 × −0.5 − 2 = −9.
        summary.LateUnits.Should().Equal(new LateUnit("c", "丙县", 7, 2, 0, 2));
        summary.Accountable.Should().Equal(new UnitMention("c", "丙县", "2项未报送，共逾期14个工作日（−7）；二级（橙色）督办（−2）", -9m));
        summary.Commended.Select(u => u.UnitId).Should().Equal("a", "b");
        summary.Overview.Missing.Should().Be(2);
        summary.Overview.SubmissionRate.Should().Be(60m);
    }

    [Fact]
    public void A_preview_before_the_due_day_rates_no_task_nobody_has_reported_and_holds_nobody_accountable()
    {
        List<Obligation> nothingYet = [Owed("a", 1, true), Owed("b", 1, false), Owed("c", 3, true)];

        CycleSummary early = SummaryCompiler.Compile(Preview(Due.AddDays(-1)), nothingYet);

        early.Final.Should().BeFalse();
        early.Tasks.Select(t => t.Status).Should().AllBeEquivalentTo(Rag.Pending);
        early.Overview.Pending.Should().Be(2);
        early.Overview.Green.Should().Be(0, "no report is in: nothing is 进度正常 yet");
        early.Tasks.First().Missing.Should().Equal("甲局", "乙局");
        early.Tasks.First().Reasons.Should().Equal("尚未报送（未到截止日），暂不评定");
        early.Tasks.First().Indicators.Single().OnTrack.Should().BeNull();
        early.Deadlines.Select(d => d.State).Should().AllBeEquivalentTo(DeadlineState.Pending);
        early.Accountable.Should().BeEmpty();
        early.LateUnits.Should().BeEmpty();
    }

    [Fact]
    public void A_preview_rates_a_task_once_its_lead_unit_reported_and_names_who_is_still_to_come()
    {
        List<Obligation> leadIn = [Reported("a", 1, true, ReportedFigures.OnTrack, null, new IndicatorReading(Households, 16000m)), Owed("b", 1, false)];

        TaskSummary task = SummaryCompiler.Compile(Preview(Due.AddDays(-3)), leadIn).Tasks.Single();

        task.Status.Should().Be(Rag.Green);
        task.Reasons.Should().Equal("1个单位尚未报送（未到截止日）");
    }

    [Fact]
    public void After_the_due_day_a_preview_colours_what_is_overdue_and_only_a_poor_enough_score_is_accountable()
    {
        List<Obligation> nothingYet = [Owed("a", 1, true), Owed("b", 1, false), Owed("c", 3, true, level: 3)];

        CycleSummary late = SummaryCompiler.Compile(Preview(Due.AddDays(1)), nothingYet);

        late.Tasks.Select(t => t.Status).Should().AllBeEquivalentTo(Rag.Red);
        late.Accountable.Select(u => u.UnitId).Should().Equal(["c"], "a and b are one working day late (−0.5); c reached 红 (−3.5)");
    }

    [Fact]
    public void An_indicator_over_its_target_shows_over_100_percent_and_stays_green()
    {
        List<Obligation> obligations = [Reported("a", 1, true, ReportedFigures.Done, null, new IndicatorReading(Households, 25000m)), Reported("b", 1, false)];

        TaskSummary task = SummaryCompiler.Compile(Input(), obligations).Tasks.Single();

        task.Indicators.Single().Percent.Should().Be(125m);
        task.Indicators.Single().OnTrack.Should().BeTrue();
        task.Status.Should().Be(Rag.Green);
    }

    [Fact]
    public void A_task_whose_lead_unit_is_late_is_amber_and_the_lead_counts_working_days_late_over_a_weekend()
    {
        // Due Wednesday 10-14, submitted Monday 10-19: Thu, Fri, Mon = 3 working days.
        List<Obligation> obligations = [Reported("a", 1, true, ReportedFigures.OnTrack, new DateOnly(2020, 10, 19), new IndicatorReading(Households, 16000m)), Reported("b", 1, false)];

        CycleSummary summary = SummaryCompiler.Compile(Input(), obligations);

        summary.Tasks.Single().Status.Should().Be(Rag.Amber);
        summary.Tasks.Single().Reasons.Should().Equal("牵头单位逾期报送");
        summary.Tasks.Single().SubmittedLate.Should().Equal("甲局");
        summary.LateUnits.Should().Equal(new LateUnit("a", "甲局", 3, 0, 1, 0));
        summary.Units!.Single(u => u.UnitId == "a").Score.Total.Should().Be(-0.5m, "+1 for the indicator ahead of pace, −1.5 for 3 working days late");
        summary.Commended.Should().BeEmpty();
        summary.Overview.SubmittedLate.Should().Be(1);
    }

    [Fact]
    public void An_indicator_below_half_its_expected_pace_makes_the_task_red_and_behind_pace_amber()
    {
        CycleSummary far = SummaryCompiler.Compile(Input(), [Reported("a", 1, true, ReportedFigures.OnTrack, null, new IndicatorReading(Households, 7000m)), Reported("b", 1, false)]);
        CycleSummary near = SummaryCompiler.Compile(Input(), [Reported("a", 1, true, ReportedFigures.OnTrack, null, new IndicatorReading(Households, 14000m)), Reported("b", 1, false)]);

        far.Tasks.Single().Status.Should().Be(Rag.Red);
        far.Tasks.Single().Reasons.Should().Equal("指标“老旧小区改造”完成35%，低于序时进度75%");
        near.Tasks.Single().Status.Should().Be(Rag.Amber);
        near.Units!.Single(u => u.UnitId == "a").Facts.IndicatorsAhead.Should().Be(0);
    }

    [Fact]
    public void A_unit_that_reached_the_last_level_is_accountable_even_after_it_finally_reported()
    {
        Obligation lateAfterRed = Owed("c", 3, true, level: 3).Submit(ChinaTime.At(new DateOnly(2020, 10, 22), new TimeOnly(9, 0)), new DateOnly(2020, 10, 22), new ReportedFigures(ReportedFigures.Behind, []));
        List<Obligation> obligations = [.. AllGood().Where(o => !(o.UnitId == "c" && o.TaskNumber == 3)), lateAfterRed];

        CycleSummary summary = SummaryCompiler.Compile(Input(), obligations);

        summary.Accountable.Should().Equal(new UnitMention("c", "丙县", "1项逾期报送，共逾期6个工作日（−3）；三级（红色）督办（−3）", -6m));
        summary.LateUnits.Single().Should().Be(new LateUnit("c", "丙县", 6, 3, 1, 0));
        summary.Tasks.Single(t => t.Number == 3).Behind.Should().Be(1);
    }

    [Fact]
    public void The_change_since_last_quarter_gives_rates_colours_and_previous_indicator_values()
    {
        CycleSummary q2 = SummaryCompiler.Compile(Input(quarter: new Quarter(2020, 2)), [Reported("a", 1, true, ReportedFigures.OnTrack, null, new IndicatorReading(Households, 4000m)), Owed("b", 1, false)]);

        CycleSummary q3 = SummaryCompiler.Compile(Input(previous: q2), AllGood());

        q2.Tasks.Single().Status.Should().Be(Rag.Red);
        q3.Change.Should().NotBeNull();
        q3.Change!.Previous.Should().Be(new Quarter(2020, 2));
        q3.Change.SubmissionRateBefore.Should().Be(50m);
        q3.Change.SubmissionRateNow.Should().Be(100m);
        q3.Change.LateUnitsBefore.Should().Be(1);
        q3.Change.LateUnitsNow.Should().Be(0);
        q3.Change.Tasks.Should().Equal(new TaskChange(1, "稳岗", Rag.Red, Rag.Green));
        q3.Tasks.First().Indicators.Single().PreviousValue.Should().Be(4000m);
        q3.Tasks.First().Indicators.Single().PreviousPercent.Should().Be(20m);
    }

    [Fact]
    public void A_preview_compares_with_last_quarter_like_with_like_only_tasks_rated_in_both_and_no_rates()
    {
        CycleSummary q2 = SummaryCompiler.Compile(Input(quarter: new Quarter(2020, 2)), [Owed("a", 1, true), Owed("b", 1, false), Reported("c", 3, true)]);
        CycleSummary preview = SummaryCompiler.Compile(Preview(Due.AddDays(-1)) with { Previous = q2 }, [Owed("a", 1, true), Owed("b", 1, false), Reported("c", 3, true)]);

        q2.Tasks.Single(t => t.Number == 1).Status.Should().Be(Rag.Red);
        preview.Tasks.Single(t => t.Number == 1).Status.Should().Be(Rag.Pending);
        preview.Change!.Tasks.Should().Equal([new TaskChange(3, "纾困", Rag.Green, Rag.Green)], "task 1 is not rated yet: red against 'not rated' is no change");
        preview.Change.SubmissionRateBefore.Should().BeNull("a final rate against a rate mid-cycle compares unlike things");
        preview.Change.SubmissionRateNow.Should().BeNull();
    }

    [Fact]
    public void A_summary_read_back_from_its_json_is_the_same_so_next_quarter_can_compare_with_it()
    {
        CycleSummary q3 = SummaryCompiler.Compile(Input(), [.. AllGood().Where(o => o.UnitId != "c"), Owed("c", 2, false, level: 3)]);

        string json = System.Text.Json.JsonSerializer.Serialize(q3, Text.Json.Options);
        CycleSummary? read = System.Text.Json.JsonSerializer.Deserialize<CycleSummary>(json, Text.Json.Options);

        read.Should().NotBeNull();
        System.Text.Json.JsonSerializer.Serialize(read, Text.Json.Options).Should().Be(json);
        read!.Quarter.Should().Be(Q3);
        read.LateUnits.Should().Equal(q3.LateUnits);
        System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("tasks", out _).Should().BeFalse("tasks are listed once, under their sections");
        json.Should().Contain("\"quarter\":\"2020Q3\"").And.Contain("\"status\":\"red\"");
    }

    [Fact]
    public void Last_quarters_summary_written_before_texts_scores_and_kinds_existed_still_reads()
    {
        const string stored = """
            {"cycleId":"p-2020Q2","planId":"p","planTitle":"实施方案","quarter":"2020Q2","reporter":"市发改委","asOf":"2020-07-20","final":true,
             "overview":{"units":1,"tasks":1,"obligations":2,"submitted":1,"onTime":1,"submittedLate":0,"missing":1,"submissionRate":50,"green":0,"amber":0,"red":1},
             "sections":[{"number":1,"title":"稳就业","tasks":[{"number":1,"title":"稳岗","leadUnit":"甲局","reported":["甲局"],"missing":["乙局"],"submittedLate":[],
               "onTrack":1,"behind":0,"done":0,"indicators":[{"name":"老旧小区改造","target":20000,"unit":"户","direction":"atLeast","value":4000,"percent":20,"expectedPercent":50,"onTrack":false}],
               "status":"red","reasons":["1/2个责任单位未报送"]}]}],
             "deadlines":[{"task":1,"taskTitle":"稳岗","date":"2020-06-30","text":"6月底前完成","state":"met"}],
             "lateUnits":[],"commended":[],"accountable":[{"unitId":"b","name":"乙局","reason":"1项任务未报送"}],"change":null}
            """;
        CycleSummary q2 = System.Text.Json.JsonSerializer.Deserialize<CycleSummary>(stored, Text.Json.Options)!;

        CycleSummary q3 = SummaryCompiler.Compile(Input(previous: q2), AllGood());

        q3.Tasks.First().Indicators.Single().PreviousValue.Should().Be(4000m);
        q3.Deadlines.Should().NotContain(d => d.Task == 1 && d.Date == new DateOnly(2020, 6, 30), "Q2 reported it met: it is not asked again");
        q3.MetEarlier.Should().Equal(new DeadlineRef(1, new DateOnly(2020, 6, 30)));
    }
}
