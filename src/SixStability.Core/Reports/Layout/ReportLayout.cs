using SixStability.Core.Text;
using SixStability.Core.Units;
using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

/// <summary>
/// Lays the summary out as the 落实情况报告 the 市发改委 sends the municipal government: mostly
/// substance (what units did, the problems they met, what comes next), the numbers in support, the
/// scoreboard in attached tables. 一、总体情况 二、主要进展和成效 三、存在的主要问题 四、下一步工作打算
/// 五、报送和督办情况 六、拟表扬和拟问责 are the report's own numbers; the plan's sections are named, not numbered.
/// </summary>
public static class ReportLayout
{
    public const string Closing = "特此报告。";

    /// <summary>A task with more indicators than this names in prose only those that hold it back.</summary>
    public const int MaxIndicatorsInProse = 4;

    public static ReportDocument Build(CycleSummary summary, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ReportOptions o = options ?? ReportOptions.Default;
        var body = new List<ReportBlock> { new ParagraphBlock(Intro(summary, o)) };
        if (!summary.Final)
        {
            body.Add(new ParagraphBlock(PreviewNote(summary), Note: true));
        }

        var annexes = new List<(string Title, IReadOnlyList<ReportBlock> Blocks)>
        {
            ("各项任务落实情况表", [TaskTable(summary)]),
            ("主要指标完成情况表", [IndicatorTable(summary)]),
        };
        if (summary.Deadlines.Count > 0)
        {
            annexes.Add(("节点任务完成情况表", [DeadlineTable(summary)]));
        }

        if (summary.Change is { Tasks.Count: > 0 } change)
        {
            annexes.Add(($"与{change.Previous.ChineseName}对比情况表", [ChangeTable(change)]));
        }

        int section = 0;
        string Heading() => $"{ChineseNumerals.Format(++section)}、";
        body.Add(new HeadingBlock(1, Heading() + "总体情况"));
        body.AddRange(Overall(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "主要进展和成效"));
        body.AddRange(Progress(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "存在的主要问题"));
        body.AddRange(Problems(summary));
        body.Add(new HeadingBlock(1, Heading() + "下一步工作打算"));
        body.AddRange(NextSteps(summary));
        body.Add(new HeadingBlock(1, Heading() + "报送和督办情况"));
        body.AddRange(Submissions(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "拟表扬和拟问责"));
        body.AddRange(Mentions(summary));

        return new ReportDocument(
            o.NumberFor(summary.Quarter),
            Title(summary),
            o.Addressee,
            body,
            Closing,
            [.. annexes.Select(a => a.Title)],
            summary.Reporter,
            Date(summary.AsOf),
            [.. annexes.Select((a, i) => new ReportAnnex(i + 1, a.Title, a.Blocks))],
            !summary.Final);
    }

    private static string Intro(CycleSummary s, ReportOptions o) =>
        $"根据《{s.PlanTitle}》关于每季度汇总梳理各县（市、区）、各部门贯彻落实情况并及时报告{o.Addressee}的要求，{s.Reporter}对{s.Quarter.ChineseName}各责任单位的落实情况进行了汇总梳理。现将有关情况报告如下：";

    private static string PreviewNote(CycleSummary s)
    {
        SummaryOverview v = s.Overview;
        string due = v.LeadDue is { } lead
            ? $"牵头单位报送截止日为{ChineseDatesShort(lead)}{(v.CoUnitDue is { } co ? $"，配合单位为{ChineseDatesShort(co)}" : string.Empty)}。"
            : string.Empty;
        return $"（本稿为预览稿，数据截至{Date(s.AsOf)}。{due}尚未到截止日、尚未报送的任务暂不评定，一切以周期关闭后的正式报告为准。）";
    }

    private static IEnumerable<ReportBlock> Overall(CycleSummary s, ReportOptions o)
    {
        SummaryOverview v = s.Overview;
        string missingWord = s.Final ? "未报送" : "尚未报送";
        yield return new ParagraphBlock($"本季度共有{v.Units}个责任单位承担{v.Tasks}项任务，应报送落实情况{v.Obligations}份，已报送{v.Submitted}份{(v.Accepted > 0 ? $"（经审核通过{v.Accepted}份）" : string.Empty)}，报送率{N(v.SubmissionRate)}%；其中按时报送{v.OnTime}份，逾期报送{v.SubmittedLate}份，{missingWord}{v.Missing}份。"
            + $"从任务进展看，进展正常（绿色）{v.Green}项，需关注（黄色）{v.Amber}项，滞后（红色）{v.Red}项{(v.Pending > 0 ? $"，尚未到截止日暂不评定{v.Pending}项" : string.Empty)}。");

        List<IndicatorSummary> indicators = [.. s.Tasks.SelectMany(t => t.Indicators)];
        if (indicators.Count > 0)
        {
            int reported = indicators.Count(i => i.Value is not null);
            string[] parts =
            [
                .. Counted(indicators.Count(i => i.Ahead), "项超过序时进度或达到目标"),
                .. Counted(indicators.Count(i => i.OnTrack == true && !i.Ahead), "项与序时进度持平"),
                .. Counted(indicators.Count(i => i.OnTrack == false), "项滞后或未达标"),
            ];
            yield return new ParagraphBlock($"方案确定的{indicators.Count}项量化指标中，牵头单位已填报{reported}项{(parts.Length > 0 ? "，其中" + string.Join("，", parts) : string.Empty)}。"
                + (s.Deadlines.Count > 0 ? Deadlines(s) : string.Empty));
        }
        else if (s.Deadlines.Count > 0)
        {
            yield return new ParagraphBlock(Deadlines(s));
        }

        if (s.Change is { } c)
        {
            yield return new ParagraphBlock(ChangeSentence(s, c));
        }

        BarChart? counties = ReportCharts.Reporting(s, "各县（市、区）及园区报送情况", k => k is UnitKind.CountyGovernment or UnitKind.ParkCommittee, o.MaxChartBars);
        BarChart? departments = ReportCharts.Reporting(s, "市直部门报送情况", k => k is not (UnitKind.CountyGovernment or UnitKind.ParkCommittee), o.MaxChartBars);
        foreach (BarChart chart in new[] { counties, departments }.OfType<BarChart>())
        {
            yield return new ChartBlock(chart);
        }
    }

    /// <summary>“3项…” when there are any, nothing when there are none: a report does not list zeros.</summary>
    private static string[] Counted(int count, string what) => count > 0 ? [$"{count}{what}"] : [];

    private static string Deadlines(CycleSummary s)
    {
        int met = s.Deadlines.Count(d => d.State == DeadlineState.Met);
        int missed = s.Deadlines.Count(d => d.State == DeadlineState.NotMet);
        int others = s.Deadlines.Count - met - missed;
        string earlier = s.MetEarlier is { Count: > 0 } e ? $"（另有{e.Count}个节点已在此前季度报告完成）" : string.Empty;
        return $"截至本季度末到期的节点任务{s.Deadlines.Count}个{earlier}，牵头单位报告已按期完成{met}个，未按期完成{missed}个{(others > 0 ? $"，其他{others}个（尚未到期、未说明或未报送）" : string.Empty)}。";
    }

    private static string ChangeSentence(CycleSummary s, QuarterChange c)
    {
        int better = c.Tasks.Count(t => t.Now < t.Before);
        int worse = c.Tasks.Count(t => t.Now > t.Before);
        string tasks = c.Tasks.Count > 0
            ? $"{c.Tasks.Count}项任务中，评定好转{better}项、退步{worse}项、持平{c.Tasks.Count - better - worse}项"
            : "本稿尚无可与上季度比较的已评定任务";
        return c.SubmissionRateBefore is decimal before && c.SubmissionRateNow is decimal now
            ? $"与{c.Previous.ChineseName}相比，报送率由{N(before)}%变为{N(now)}%，逾期单位由{c.LateUnitsBefore}个变为{c.LateUnitsNow}个；{tasks}。"
            : $"与{c.Previous.ChineseName}正式报告相比（本稿为预览，只比较两季度均已评定的任务），{tasks}。";
    }

    private static IEnumerable<ReportBlock> Progress(CycleSummary s, ReportOptions o)
    {
        int n = 0;
        foreach (SectionSummary section in s.Sections)
        {
            yield return new HeadingBlock(2, $"（{ChineseNumerals.Format(++n)}）{section.Title}方面");
            int k = 0;
            foreach (TaskSummary t in section.Tasks)
            {
                yield return new ParagraphBlock(TaskText(s, t), $"{++k}.{t.Title}。");
            }
        }

        BarChart? indicators = ReportCharts.Indicators(s, o.MaxChartBars);
        if (indicators is not null)
        {
            yield return new ParagraphBlock("主要指标完成情况见下图，全部指标见附件2。");
            yield return new ChartBlock(indicators);
        }

        if (ReportCharts.Change(s, o.MaxChartBars) is { } change)
        {
            yield return new ChartBlock(change);
        }
    }

    /// <summary>A task in prose: its account, its indicators, its deadlines, its rating.</summary>
    private static string TaskText(CycleSummary s, TaskSummary t)
    {
        var text = new List<string>();
        IReadOnlyList<UnitAccount> accounts = t.Accounts ?? [];
        if (accounts.FirstOrDefault(a => a.Lead) is { } lead)
        {
            text.Add($"牵头单位{lead.Unit}汇总报告：{lead.Progress}");
        }
        else if (t.Status != Rag.Pending || accounts.Count > 0)
        {
            string leadState = t.Reported.Contains(t.LeadUnit, StringComparer.Ordinal)
                ? $"牵头单位{t.LeadUnit}已报送。"
                : t.Reasons.Contains(TaskRating.LeadMissing) ? $"牵头单位{t.LeadUnit}未报送。" : $"牵头单位{t.LeadUnit}尚未报送（未到截止日）。";
            text.Add(leadState);
            if (accounts.Count > 0)
            {
                text.Add("各责任单位报告：");
                text.AddRange(accounts.Select(a => $"{a.Unit}：{a.Progress}"));
                if (t.OtherAccounts > 0)
                {
                    text.Add($"另有{t.OtherAccounts}个单位的报送内容见汇总表。");
                }
            }
            else if (t.Reported.Count == 0)
            {
                text.Add("本季度无单位报送。");
            }
        }

        if (t.Indicators.Count is > 0 and <= MaxIndicatorsInProse)
        {
            text.Add($"主要指标：{string.Join("；", t.Indicators.Select(Sentence))}。");
        }
        else if (t.Indicators.Count > MaxIndicatorsInProse)
        {
            // Many targets (a task of 14): the ones that hold it back in full, the rest counted; all are in 附件2.
            List<IndicatorSummary> holding = [.. t.Indicators.Where(i => i.OnTrack != true)];
            int fine = t.Indicators.Count - holding.Count;
            text.Add($"主要指标{t.Indicators.Count}项，{fine}项超过或达到序时进度（目标）{(holding.Count > 0 ? $"，{string.Join("；", holding.Select(Sentence))}" : string.Empty)}（详见附件2）。");
        }

        List<DeadlineSummary> deadlines = [.. s.Deadlines.Where(d => d.Task == t.Number)];
        if (deadlines.Count > 0)
        {
            text.Add($"节点任务：{string.Join("；", deadlines.Select(d => $"{Date(d.Date)}节点{Deadline(d.State)}{(d.Note is { } note ? $"（{Sentences.Inline(note)}）" : string.Empty)}"))}。");
        }

        text.Add(t.Status == Rag.Pending ? $"{string.Join("，", t.Reasons)}。" : $"评定为{Rag(t.Status)}色：{string.Join("，", t.Reasons)}。");
        return string.Concat(text);
    }

    private static List<ReportBlock> Problems(CycleSummary s)
    {
        var items = new List<ReportBlock>();
        int n = 0;
        string Lead(string title) => $"（{ChineseNumerals.Format(++n)}）{title}";

        int late = s.LateUnits.Count(u => u.LateTasks > 0);
        int missing = s.LateUnits.Count(u => u.MissingTasks > 0);
        if (late + missing > 0)
        {
            int red = s.LateUnits.Count(u => u.HighestLevel >= 3);
            items.Add(new ParagraphBlock(
                $"{(late > 0 ? $"{late}个单位逾期报送" : string.Empty)}{(late > 0 && missing > 0 ? "，" : string.Empty)}{(missing > 0 ? $"{missing}个单位{(s.Final ? "至周期关闭" : "截至目前")}仍有任务未报送" : string.Empty)}{(red > 0 ? $"，其中{red}个单位经三级（红色）督办" : string.Empty)}，具体见第五部分。",
                Lead("部分单位报送不及时。")));
        }

        List<TaskSummary> behind = [.. s.Tasks.Where(t => t.Indicators.Any(i => i.OnTrack == false))];
        if (behind.Count > 0)
        {
            items.Add(new ParagraphBlock(
                $"{string.Join("；", behind.Select(t => $"{TaskLabel(t.Number, t.Title)}：{string.Join("，", t.Indicators.Where(i => i.OnTrack == false).Select(Brief))}"))}。",
                Lead("部分指标进度滞后。")));
        }

        List<DeadlineSummary> missed = [.. s.Deadlines.Where(d => d.State is DeadlineState.NotMet or DeadlineState.NotReported)];
        if (missed.Count > 0)
        {
            items.Add(new ParagraphBlock(
                $"{string.Join("；", missed.Select(d => $"任务{TaskLabel(d.Task, d.TaskTitle)}{Date(d.Date)}节点{Deadline(d.State)}{(d.Note is { } note ? $"（原因：{Sentences.Inline(note)}）" : string.Empty)}"))}。",
                Lead("部分节点任务未按期完成。")));
        }

        List<ReportBlock> reported = [.. BySection(s, a => a.Problems, "反映")];
        if (reported.Count > 0)
        {
            items.Add(new ParagraphBlock("各单位报送中反映的困难和问题，按方案任务领域归纳如下。", Lead("各单位反映的主要困难。")));
            items.AddRange(reported);
        }

        return items.Count > 0 ? items : [new ParagraphBlock("本季度各单位均按时报送，指标和节点任务按进度推进，未反映突出困难和问题。")];
    }

    private static IEnumerable<ReportBlock> NextSteps(CycleSummary s)
    {
        int n = 0;
        string Lead(string title) => $"（{ChineseNumerals.Format(++n)}）{title}";
        int late = s.LateUnits.Count;
        int behind = s.Tasks.Sum(t => t.Indicators.Count(i => i.OnTrack == false));
        int missed = s.Deadlines.Count(d => d.State is DeadlineState.NotMet or DeadlineState.NotReported);
        var follow = new List<string>();
        if (late > 0)
        {
            follow.Add($"对逾期报送和未报送的{late}个单位，会同市政府督查室跟踪督促，限期补报并说明情况");
        }

        if (behind + missed > 0)
        {
            follow.Add($"对{(behind > 0 ? $"{behind}项滞后指标" : string.Empty)}{(behind > 0 && missed > 0 ? "和" : string.Empty)}{(missed > 0 ? $"{missed}个未按期完成的节点任务" : string.Empty)}，督促牵头单位制定追赶措施，在下季度报告中专项说明进展");
        }

        if (follow.Count > 0)
        {
            yield return new ParagraphBlock($"{string.Join("；", follow)}。", Lead("督促整改落实。"));
        }

        List<ReportBlock> plans = [.. BySection(s, a => a.NextSteps, "计划")];
        if (plans.Count > 0)
        {
            yield return new ParagraphBlock("各单位报送的下一步工作安排，按方案任务领域归纳如下。", Lead("各单位工作安排。"));
            foreach (ReportBlock p in plans)
            {
                yield return p;
            }
        }

        yield return new ParagraphBlock("继续实行按季度调度，对落实有力、成效显著的单位按规定予以激励，对落实缓慢、效果不好的单位依法依规提请问责，确保方案确定的全年目标任务如期完成。", Lead("加强统筹调度。"));
    }

    /// <summary>
    /// One paragraph per plan section, each unit once with what it said on any of the section's tasks (the
    /// same words said twice kept once): 保居民就业方面：市人社局反映，…；…。市教育局反映，….
    /// </summary>
    private static IEnumerable<ReportBlock> BySection(CycleSummary s, Func<UnitAccount, string?> pick, string verb)
    {
        foreach (SectionSummary section in s.Sections)
        {
            List<string> said = [.. section.Tasks
                .SelectMany(t => t.Accounts ?? [])
                .Where(a => !string.IsNullOrWhiteSpace(pick(a)))
                .GroupBy(a => a.Unit, StringComparer.Ordinal)
                .Select(g => $"{g.Key}{verb}，{string.Join("；", g.Select(a => Sentences.Inline(pick(a)!)).Distinct(StringComparer.Ordinal))}。")];
            if (said.Count > 0)
            {
                yield return new ParagraphBlock(string.Concat(said), $"{section.Title}方面：");
            }
        }
    }

    /// <summary>“提供2000个公益性岗位”完成66%（序时进度75%）: an indicator's shortfall in a list of them.</summary>
    private static string Brief(IndicatorSummary i) => i.Kind switch
    {
        Plans.IndicatorKind.AtMost => $"“{i.Name}”为{Reading(i)}（上限{Amount(i.Target, i.Unit)}）",
        Plans.IndicatorKind.Level => $"“{i.Name}”为{Reading(i)}（目标{Amount(i.Target, i.Unit)}）",
        _ => $"“{i.Name}”完成{Percent(i)}（序时进度{N(i.ExpectedPercent)}%）",
    };

    private static IEnumerable<ReportBlock> Submissions(CycleSummary s, ReportOptions o)
    {
        SummaryOverview v = s.Overview;
        string due = v.LeadDue is { } lead ? $"本季度牵头单位报送截止日为{ChineseDatesShort(lead)}{(v.CoUnitDue is { } co ? $"，配合单位为{ChineseDatesShort(co)}（先于牵头单位，便于牵头单位汇总）" : string.Empty)}。" : string.Empty;
        List<UnitStanding> units = [.. s.Units ?? []];
        int[] levels = [.. Enumerable.Range(1, 3).Select(l => units.Count(u => Math.Min(u.Facts.HighestLevel, 3) == l))];
        string escalated = levels.Sum() > 0
            ? $"{levels.Sum()}个单位被督办，其中{string.Join("、", levels.Select((c, i) => $"{Level(i + 1)}{c}个"))}。"
            : "没有单位被督办。";
        yield return new ParagraphBlock($"{due}逾期报送{v.SubmittedLate}份，{(s.Final ? "未报送" : "尚未报送")}{v.Missing}份；{escalated}");
        if (s.LateUnits.Count == 0)
        {
            yield return new ParagraphBlock("所有单位均按时报送。");
            yield break;
        }

        List<TableRow> rows = [.. s.LateUnits.Take(o.MaxTableRows).Select(u => new TableRow([
            new TableCell(u.Name),
            new TableCell(u.LateTasks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(u.MissingTasks.ToString(System.Globalization.CultureInfo.InvariantCulture), u.MissingTasks > 0 ? Tone.Red : Tone.None),
            new TableCell(u.WorkingDaysLate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(Level(u.HighestLevel), LevelTone(u.HighestLevel)),
        ]))];
        yield return TableBlock.Of(["单位", "逾期报送（份）", "未报送（份）", "最长逾期（工作日）", "最高督办级别"], rows, [CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Center, CellAlign.Center]);
        if (s.LateUnits.Count > rows.Count)
        {
            yield return new ParagraphBlock($"表中为逾期最多的{rows.Count}个单位，共{s.LateUnits.Count}个单位，全部情况见汇总表。", Note: true);
        }
    }

    private static IEnumerable<ReportBlock> Mentions(CycleSummary s)
    {
        ScoreRule rule = s.Score ?? ScoreRule.Default;
        yield return new ParagraphBlock($"按照本周期计分规则（{rule.Describe()}），得分{N(rule.CommendAtLeast)}分及以上且无逾期、未报送的单位拟予表扬，得分{Points(rule.AccountableAtMost)}分及以下的单位拟提请问责。");
        List<UnitMention> commended = [.. s.Commended.Take(rule.Named)];
        List<UnitMention> accountable = [.. s.Accountable.Take(rule.Named)];
        if (commended.Count + accountable.Count == 0)
        {
            yield return new ParagraphBlock("本季度无单位达到表扬或问责条件。");
            yield break;
        }

        List<TableRow> rows =
        [
            .. commended.Select(m => new TableRow([new TableCell("拟表扬", Tone.Green), new TableCell(m.Name), new TableCell(Points(m.Score ?? 0)), new TableCell(m.Reason)])),
            .. accountable.Select(m => new TableRow([new TableCell("拟问责", Tone.Red), new TableCell(m.Name), new TableCell(Points(m.Score ?? 0)), new TableCell(m.Reason)])),
        ];
        yield return TableBlock.Of(["类别", "单位", "得分", "主要理由"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Left]);
        int more = s.Commended.Count - commended.Count + s.Accountable.Count - accountable.Count;
        if (more > 0)
        {
            string[] others = [.. Counted(s.Commended.Count - commended.Count, "个单位达到表扬条件"), .. Counted(s.Accountable.Count - accountable.Count, "个单位达到问责条件")];
            yield return new ParagraphBlock($"表中为得分最高、最低的各{rule.Named}个单位；另有{string.Join("、", others)}，各单位得分见汇总表“单位得分”。", Note: true);
        }
    }

    private static TableBlock TaskTable(CycleSummary s)
    {
        var rows = new List<TableRow>();
        foreach (SectionSummary section in s.Sections)
        {
            rows.Add(TableRow.GroupOf(section.Title));
            rows.AddRange(section.Tasks.Select(t => new TableRow([
                new TableCell(ChineseNumerals.Format(t.Number)),
                new TableCell(t.Title),
                new TableCell(t.LeadUnit),
                new TableCell(Reporting(t)),
                new TableCell(MissingUnits(t)),
                new TableCell(Rag(t.Status), RagTone(t.Status)),
                new TableCell(string.Join("；", t.Reasons)),
            ])));
        }

        // Self-assessments (滞后) are counted in 说明, so the table keeps to what is read.
        return TableBlock.Of(["序号", "任务", "牵头单位", "报送情况", "未报送单位", "评定", "说明"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Left, CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Left]);
    }

    private static TableBlock IndicatorTable(CycleSummary s)
    {
        List<TableRow> rows = [.. s.Tasks.SelectMany(t => t.Indicators.Select(i => new TableRow([
            new TableCell(ChineseNumerals.Format(t.Number)),
            new TableCell(i.Name),
            new TableCell(Kind(i.Kind)),
            new TableCell(Target(i)),
            new TableCell(Reading(i)),
            new TableCell(Percent(i)),
            new TableCell(Expected(i)),
            new TableCell(Judgement(i), i.OnTrack switch { true => Tone.Green, false => TaskRating.FarBehind(i) ? Tone.Red : Tone.Amber, null => Tone.Grey }),
            new TableCell(Previous(i)),
        ])))];
        if (rows.Count == 0)
        {
            rows.Add(new TableRow([new TableCell("—"), new TableCell("方案未设量化指标"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—")]));
        }

        return TableBlock.Of(["任务", "指标", "类型", "目标", "完成值", "完成比例", "本季度要求", "评定", "上季度"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Right, CellAlign.Right, CellAlign.Right, CellAlign.Center, CellAlign.Center, CellAlign.Right]);
    }

    private static TableBlock DeadlineTable(CycleSummary s) =>
        TableBlock.Of(
            ["任务", "节点要求", "时限", "完成情况", "说明"],
            [.. s.Deadlines.Select(d => new TableRow([
                new TableCell(TaskLabel(d.Task, d.TaskTitle)),
                new TableCell(d.Text),
                new TableCell(Date(d.Date)),
                new TableCell(Deadline(d.State), d.State switch { DeadlineState.Met => Tone.Green, DeadlineState.NotMet or DeadlineState.NotReported => Tone.Red, DeadlineState.Pending => Tone.Grey, _ => Tone.Amber }),
                new TableCell(d.Note ?? "—"),
            ]))],
            [CellAlign.Left, CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Left]);

    private static TableBlock ChangeTable(QuarterChange change) =>
        TableBlock.Of(
            ["任务", "上季度", "本季度", "变化"],
            [.. change.Tasks.Select(c => new TableRow([
                new TableCell(TaskLabel(c.Task, c.Title)),
                new TableCell(Rag(c.Before), RagTone(c.Before)),
                new TableCell(Rag(c.Now), RagTone(c.Now)),
                new TableCell(c.Now < c.Before ? "好转" : c.Now > c.Before ? "退步" : "持平"),
            ]))],
            [CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Center]);

    public static Tone RagTone(Rag rag) => rag switch
    {
        Reports.Rag.Green => Tone.Green,
        Reports.Rag.Amber => Tone.Amber,
        Reports.Rag.Red => Tone.Red,
        _ => Tone.Grey,
    };

    public static Tone LevelTone(int level) => level switch
    {
        <= 0 => Tone.None,
        1 => Tone.Amber,
        2 => Tone.Orange,
        _ => Tone.Red,
    };

    private static string ChineseDatesShort(DateOnly date) => $"{date.Month}月{date.Day}日";
}
