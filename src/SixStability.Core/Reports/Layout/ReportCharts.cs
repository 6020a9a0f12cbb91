namespace SixStability.Core.Reports.Layout;

/// <summary>The charts of the report, drawn from the summary: what a reader would rather see than read.</summary>
public static class ReportCharts
{
    public const string OnTime = "43A047";
    public const string Late = "F9A825";
    public const string Missing = "E53935";
    public const string NotDue = "BDBDBD";
    public const string Value = "1E88E5";
    public const string Asked = "9E9E9E";
    public const string Before = "90CAF9";

    /// <summary>
    /// Each unit's reports as shares: on time, late, missing (and, in a preview, not yet due). The
    /// units with the lowest on-time share first; past <paramref name="maxBars"/> the rest are counted in the note.
    /// </summary>
    public static BarChart? Reporting(CycleSummary summary, string title, Func<UnitKind?, bool> kinds, int maxBars)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(kinds);
        List<UnitStanding> units = [.. (summary.Units ?? [])
            .Where(u => kinds(u.Kind) && u.Facts.Obligations > 0)
            .OrderBy(u => Share(u.Facts.OnTime, u.Facts))
            .ThenByDescending(u => Share(u.Facts.Missing, u.Facts))
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)];
        if (units.Count == 0)
        {
            return null;
        }

        List<UnitStanding> shown = [.. units.Take(maxBars)];
        var series = new List<ChartSeries>
        {
            new("按时报送", [.. shown.Select(u => Share(u.Facts.OnTime, u.Facts))], OnTime),
            new("逾期报送", [.. shown.Select(u => Share(u.Facts.Late, u.Facts))], Late),
            new("未报送", [.. shown.Select(u => Share(u.Facts.Missing, u.Facts))], Missing),
        };
        if (shown.Any(u => u.Facts.Pending > 0))
        {
            series.Add(new("未到截止日", [.. shown.Select(u => Share(u.Facts.Pending, u.Facts))], NotDue));
        }

        string? note = units.Count > shown.Count ? $"共{units.Count}个单位，图中为按时报送比例最低的{shown.Count}个，其余见汇总表。" : null;
        return new BarChart(title, [.. shown.Select(u => u.Name)], series, Stacked: true, 100m, "%", note);
    }

    /// <summary>Each reported indicator against what the quarter asks of it (pace for a cumulative target, the target for a level).</summary>
    public static BarChart? Indicators(CycleSummary summary, int maxBars)
    {
        ArgumentNullException.ThrowIfNull(summary);
        List<(TaskSummary Task, IndicatorSummary I)> shown = [.. summary.Tasks.SelectMany(t => t.Indicators.Where(i => i.Percent is not null).Select(i => (t, i)))];
        if (shown.Count == 0)
        {
            return null;
        }

        int all = shown.Count;
        shown = [.. shown.Take(maxBars)];
        decimal top = shown.Max(x => Math.Max(x.I.Percent!.Value, x.I.ExpectedPercent));
        return new BarChart(
            "主要指标完成情况（占目标的百分比）",
            [.. shown.Select(x => Label(x.Task, x.I))],
            [new("完成比例", [.. shown.Select(x => x.I.Percent!.Value)], Value), new("本季度要求", [.. shown.Select(x => x.I.ExpectedPercent)], Asked)],
            Stacked: false,
            AxisMax(top),
            "%",
            all > shown.Count ? $"共{all}项指标，图中为前{shown.Count}项，其余见附件。" : "累计类指标的本季度要求为序时进度，水平类指标为目标值；上限类指标（压减至…以内）见附件。");
    }

    /// <summary>The same indicators last quarter and now, where both quarters have a value.</summary>
    public static BarChart? Change(CycleSummary summary, int maxBars)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Change is null)
        {
            return null;
        }

        List<(TaskSummary Task, IndicatorSummary I)> both = [.. summary.Tasks.SelectMany(t => t.Indicators.Where(i => i.Percent is not null && i.PreviousPercent is not null).Select(i => (t, i))).Take(maxBars)];
        if (both.Count == 0)
        {
            return null;
        }

        decimal top = both.Max(x => Math.Max(x.I.Percent!.Value, x.I.PreviousPercent!.Value));
        return new BarChart(
            $"主要指标与{summary.Change.Previous.ChineseName}对比（占目标的百分比）",
            [.. both.Select(x => Label(x.Task, x.I))],
            [new(summary.Change.Previous.ChineseName, [.. both.Select(x => x.I.PreviousPercent!.Value)], Before), new(summary.Quarter.ChineseName, [.. both.Select(x => x.I.Percent!.Value)], Value)],
            Stacked: false,
            AxisMax(top),
            "%");
    }

    /// <summary>（六）老旧小区改造…: the task's number and the indicator's words, short enough for a chart's side.</summary>
    public static string Label(TaskSummary task, IndicatorSummary indicator)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(indicator);
        string name = indicator.Name.Length > 11 ? indicator.Name[..10] + "…" : indicator.Name;
        return $"（{Text.ChineseNumerals.Format(task.Number)}）{name}";
    }

    private static decimal Share(int part, UnitCycleFacts facts) =>
        facts.Obligations == 0 ? 0 : Math.Round(part * 100m / facts.Obligations, 1, MidpointRounding.AwayFromZero);

    /// <summary>100, or the next 50 above the largest value, at most 200 (longer bars are cut at the edge).</summary>
    private static decimal AxisMax(decimal top) => Math.Min(200m, Math.Max(100m, Math.Ceiling(top / 50m) * 50m));
}
