using SixStability.Core.Plans;

namespace SixStability.Core.Reports;

/// <summary>
/// How a task's colour and an indicator's pace are decided. Targets in the plan are for the year
/// (今年完成…), so by the end of quarter N an at-least target should stand at N × 25 %; an at-most
/// target (压减至60个工作日以内) is met or not at any time.
/// </summary>
public static class TaskRating
{
    public static decimal ExpectedPercent(int quarter) => quarter * 25m;

    public static decimal Percent(decimal value, decimal target) => target == 0 ? 0 : Math.Round(value / target * 100m, 1, MidpointRounding.AwayFromZero);

    public static bool OnTrack(Indicator indicator, decimal value, int quarter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Direction == IndicatorDirection.AtMost
            ? value <= indicator.Target
            : Percent(value, indicator.Target) >= ExpectedPercent(quarter);
    }

    /// <summary>
    /// 红 when the lead unit did not report, half or more of the units did not, or an indicator is below
    /// half of its expected pace; 黄 when any unit is missing or late, any reports 滞后, or an indicator
    /// is behind pace or not given; 绿 otherwise. The reasons say which.
    /// </summary>
    public static (Rag Status, IReadOnlyList<string> Reasons) Rate(TaskFacts facts, int quarter)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var red = new List<string>();
        var amber = new List<string>();
        if (facts.LeadMissing)
        {
            red.Add("牵头单位未报送");
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
                bool farBehind = i.Direction == IndicatorDirection.AtLeast && i.Percent < i.ExpectedPercent / 2;
                (farBehind ? red : amber).Add($"指标“{i.Name}”完成{i.Percent}%，低于序时进度{i.ExpectedPercent}%");
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
