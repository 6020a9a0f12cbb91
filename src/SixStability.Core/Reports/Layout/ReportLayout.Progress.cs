using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

// 二、主要进展和成效: per plan section, what each task's units reported and how it is rated.
public static partial class ReportLayout
{
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

    /// <summary>“提供2000个公益性岗位”完成66%（序时进度75%）: an indicator's shortfall in a list of them.</summary>
    private static string Brief(IndicatorSummary i) => i.Kind switch
    {
        Plans.IndicatorKind.AtMost => $"“{i.Name}”为{Reading(i)}（上限{Amount(i.Target, i.Unit)}）",
        Plans.IndicatorKind.Level => $"“{i.Name}”为{Reading(i)}（目标{Amount(i.Target, i.Unit)}）",
        _ => $"“{i.Name}”完成{Percent(i)}（序时进度{N(i.ExpectedPercent)}%）",
    };
}
