using SixStability.Core.Notifications;

namespace SixStability.Core.Reports;

/// <summary>
/// How a unit's cycle is scored for commendation and accountability (plan section 八: 激励 and 问责),
/// part of the cycle's policy so each cycle keeps the rule it was judged by. Reporting on time is
/// expected (+0); lateness, escalation and returns cost; indicators ahead of pace and deadlines met
/// earn. A unit is a candidate for commendation at <see cref="CommendAtLeast"/> or more with no late
/// or missing report, for accountability at <see cref="AccountableAtMost"/> or less.
/// </summary>
public sealed record ScoreRule
{
    public static readonly ScoreRule Default = new();

    /// <summary>Each report submitted on time.</summary>
    public decimal PerReportOnTime { get; init; }

    /// <summary>Each working day a report was late (a missing one counts to the close).</summary>
    public decimal PerWorkingDayLate { get; init; } = -0.5m;

    /// <summary>The highest escalation level the unit reached: 黄, 橙, 红.</summary>
    public IReadOnlyList<decimal> PerLevel { get; init; } = [-1m, -2m, -3m];

    /// <summary>Each time a report was returned (退回) for revision.</summary>
    public decimal PerReturn { get; init; } = -0.5m;

    /// <summary>Each indicator the unit leads that is ahead of pace (cumulative), reached (level) or within its ceiling.</summary>
    public decimal PerIndicatorAhead { get; init; } = 1m;

    /// <summary>Each dated deadline the unit leads that was met.</summary>
    public decimal PerDeadlineMet { get; init; } = 1m;

    public decimal CommendAtLeast { get; init; } = 2m;

    public decimal AccountableAtMost { get; init; } = -3m;

    /// <summary>How many units of each kind the report's table names (the rest are counted, and in the .xlsx).</summary>
    public int Named { get; init; } = 5;

    public UnitScore Score(UnitCycleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var items = new List<ScoreItem>();
        void Add(int count, decimal each, string reason)
        {
            if (count > 0 && each != 0)
            {
                items.Add(new ScoreItem(reason, count * each));
            }
        }

        Add(facts.IndicatorsAhead, PerIndicatorAhead, $"{facts.IndicatorsAhead}项指标超序时进度或达标");
        Add(facts.DeadlinesMet, PerDeadlineMet, $"{facts.DeadlinesMet}个节点按期完成");
        Add(facts.OnTime, PerReportOnTime, $"按时报送{facts.OnTime}项");
        string late = facts.Missing > 0 ? $"{facts.Missing}项未报送" + (facts.Late > 0 ? $"、{facts.Late}项逾期报送" : string.Empty) : $"{facts.Late}项逾期报送";
        Add(facts.WorkingDaysLate, PerWorkingDayLate, $"{late}，共逾期{facts.WorkingDaysLate}个工作日");
        if (facts.HighestLevel > 0 && PerLevel.Count > 0)
        {
            Add(1, PerLevel[Math.Min(facts.HighestLevel, PerLevel.Count) - 1], $"{SummaryText.Level(facts.HighestLevel)}督办");
        }

        Add(facts.Returns, PerReturn, $"退回修改{facts.Returns}次");
        return new UnitScore(items.Sum(i => i.Points), items);
    }

    public bool Commends(UnitStanding unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Score.Total >= CommendAtLeast && unit.Facts.Late == 0 && unit.Facts.Missing == 0;
    }

    public bool HoldsAccountable(UnitStanding unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Score.Total <= AccountableAtMost;
    }

    /// <summary>The rule in one sentence for the report: 按时报送不扣分，每逾期1个工作日扣0.5分，….</summary>
    public string Describe()
    {
        var parts = new List<string> { PerReportOnTime == 0 ? "按时报送不加减分" : $"每按时报送1项{Signed(PerReportOnTime)}" };
        if (PerWorkingDayLate != 0)
        {
            parts.Add($"每逾期1个工作日{Signed(PerWorkingDayLate)}");
        }

        if (PerLevel.Count > 0)
        {
            parts.Add($"{string.Join("、", PerLevel.Select((_, i) => EscalationColours.Name(i + 1)))}督办分别{string.Join("、", PerLevel.Select(Signed))}");
        }

        if (PerReturn != 0)
        {
            parts.Add($"每退回修改1次{Signed(PerReturn)}");
        }

        if (PerIndicatorAhead != 0)
        {
            parts.Add($"牵头的指标每项超序时进度或达标{Signed(PerIndicatorAhead)}");
        }

        if (PerDeadlineMet != 0)
        {
            parts.Add($"每个节点按期完成{Signed(PerDeadlineMet)}");
        }

        return string.Join("，", parts);
    }

    private static string Signed(decimal points) => points >= 0 ? $"加{SummaryText.N(points)}分" : $"扣{SummaryText.N(-points)}分";
}
