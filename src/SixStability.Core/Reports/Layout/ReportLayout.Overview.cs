using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

// 一、总体情况: the counts, the deadlines met and the change from last quarter in prose.
public static partial class ReportLayout
{
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
}
