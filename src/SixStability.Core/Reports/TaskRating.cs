namespace SixStability.Core.Reports;

/// <summary>
/// How an indicator is judged by its kind, and a task's colour. A cumulative target is for the year
/// (今年完成…): by the end of quarter N it should stand at N × 25 %. A level or ratio (报销比例达到90%,
/// 森林覆盖率稳定在66%以上) is compared with the target itself, whatever the quarter. A ceiling
/// (压减至60个工作日以内) is met or not at any time.
/// </summary>
public static class TaskRating
{
    /// <summary>The reason a task is red when its lead unit's report is missing and due.</summary>
    public const string LeadMissing = "牵头单位未报送";

    public static decimal ExpectedPercent(int quarter) => quarter * 25m;

    public static decimal Percent(decimal value, decimal target) => target == 0 ? 0 : Math.Round(value / target * 100m, 1, MidpointRounding.AwayFromZero);

    public static bool OnTrack(Indicator indicator, decimal value, int quarter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Kind switch
        {
            IndicatorKind.AtMost => value <= indicator.Target,
            IndicatorKind.Level => value >= indicator.Target,
            _ => Percent(value, indicator.Target) >= ExpectedPercent(quarter),
        };
    }

    /// <summary>The indicator as the report shows it: the value against what this quarter asks of its kind.</summary>
    public static IndicatorSummary Judge(Indicator indicator, decimal? value, int quarter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        decimal expected = indicator.Kind == IndicatorKind.Cumulative ? ExpectedPercent(quarter) : 100m;
        if (value is not decimal v)
        {
            return new IndicatorSummary(indicator.Name, indicator.Target, indicator.Unit, indicator.Direction, null, null, expected, null, Kind: indicator.Kind);
        }

        decimal? percent = indicator.Kind == IndicatorKind.AtMost ? null : Percent(v, indicator.Target);
        bool onTrack = OnTrack(indicator, v, quarter);
        bool ahead = indicator.Kind == IndicatorKind.Cumulative ? percent > expected : onTrack;
        return new IndicatorSummary(indicator.Name, indicator.Target, indicator.Unit, indicator.Direction, v, percent, expected, onTrack, Kind: indicator.Kind, Ahead: ahead);
    }

    /// <summary>Far behind: under half its pace (cumulative) or under half its target (level); a missed ceiling is never "far".</summary>
    public static bool FarBehind(IndicatorSummary indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.OnTrack == false && indicator.Kind != IndicatorKind.AtMost && indicator.Percent < indicator.ExpectedPercent / 2;
    }

    /// <summary>
    /// Not rated (<see cref="Rag.Pending"/>) while nothing is due and the lead unit has not reported: a
    /// preview never colours a task nobody has reported on. Otherwise 红 when the lead unit did not
    /// report, half or more of the units did not, or an indicator is far behind (<see cref="FarBehind"/>);
    /// 黄 when any unit is missing or late, any reports 滞后, or an indicator is behind or not given;
    /// 绿 otherwise. The reasons say which.
    /// </summary>
    public static (Rag Status, IReadOnlyList<string> Reasons) Rate(TaskFacts facts, int quarter)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.LeadSubmitted && !facts.LeadMissing && facts.Missing == 0 && facts.Late == 0 && facts.Behind == 0)
        {
            return (Rag.Pending, [facts.Units > facts.Pending ? "牵头单位尚未报送（未到截止日），暂不评定" : "尚未报送（未到截止日），暂不评定"]);
        }

        var red = new List<string>();
        var amber = new List<string>();
        if (facts.LeadMissing)
        {
            red.Add(LeadMissing);
        }

        if (facts.Units > 0 && facts.Missing * 2 >= facts.Units && facts.Missing > 0)
        {
            red.Add($"{facts.Missing}/{facts.Units}个责任单位未报送");
        }
        else if (facts.Missing > 0)
        {
            amber.Add($"{facts.Missing}个责任单位未报送");
        }

        if (facts.LeadLate)
        {
            amber.Add("牵头单位逾期报送");
        }
        else if (facts.Late > 0)
        {
            amber.Add($"{facts.Late}个单位逾期报送");
        }

        if (facts.Behind > 0)
        {
            amber.Add($"{facts.Behind}个单位自评滞后");
        }

        foreach (IndicatorSummary i in facts.Indicators)
        {
            if (i.Value is null)
            {
                if (facts.LeadSubmitted)
                {
                    amber.Add($"指标“{i.Name}”未填报");
                }
            }
            else if (i.OnTrack == false)
            {
                (FarBehind(i) ? red : amber).Add(SummaryText.Shortfall(i));
            }
        }

        string[] green = facts.Pending > 0 ? [$"{facts.Pending}个单位尚未报送（未到截止日）"] : ["按时报送，进度正常"];
        return red.Count > 0 ? (Rag.Red, [.. red, .. amber]) : amber.Count > 0 ? (Rag.Amber, amber) : (Rag.Green, green);
    }
}

/// <summary>What the rating looks at for one task.</summary>
/// <param name="Missing">Units whose report is missing and due (a preview before the due day counts none).</param>
/// <param name="LeadMissing">The lead unit's report is missing and due.</param>
/// <param name="Pending">Units yet to report whose due day has not come (a preview).</param>
public sealed record TaskFacts(int Units, int Missing, int Late, int Behind, bool LeadMissing, bool LeadSubmitted, bool LeadLate, IReadOnlyList<IndicatorSummary> Indicators, int Pending = 0);
