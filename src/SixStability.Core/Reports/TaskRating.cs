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
        if (!facts.LeadReported)
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
                if (facts.LeadReported)
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

        return red.Count > 0 ? (Rag.Red, [.. red, .. amber]) : amber.Count > 0 ? (Rag.Amber, amber) : (Rag.Green, ["按时报送，进度正常"]);
    }
}

/// <summary>What the rating looks at for one task.</summary>
public sealed record TaskFacts(int Units, int Missing, int Late, int Behind, bool LeadReported, bool LeadLate, IReadOnlyList<IndicatorSummary> Indicators);
