namespace SixStability.Core.Reports.Year;

/// <summary>
/// Whom the 年度 document proposes to commend (表扬) and to hold accountable (问责), and why. Commendation
/// has to mean more than reporting on time (issue 14: 29 of 43 units were commended for only that), so it
/// asks for a clean year, reports the coordinator accepted, and a place near the top; accountability
/// follows a pattern across the year rather than one bad week.
/// </summary>
public static class YearMentionRule
{
    /// <summary>A year's record needs at least two quarters: one quarter is that quarter's report's business.</summary>
    public const int MinQuartersForCommendation = 2;

    /// <summary>
    /// Share of its reports the coordinator must have accepted (已审核) for a unit to be commended: on time is
    /// expected, accepted as adequate is what sets a unit apart. 90 % leaves room for a report still unread.
    /// </summary>
    public const decimal MinAcceptedShareForCommendation = 0.9m;

    /// <summary>
    /// At most this share of the ranked units is commended (at least one), the best first; units equal to the
    /// last one named (same score and accepted reports) are named with it, so a tie is never split.
    /// </summary>
    public const decimal MaxCommendedShare = 0.2m;

    /// <summary>
    /// Late or missing reports across the year at which a unit is held accountable: three is a habit, not an
    /// accident (a quarter's report already names a unit late once).
    /// </summary>
    public const int AccountableLateTasks = 3;

    /// <summary>The escalation level at which one quarter alone is enough: 三级（红色）督办 reached the mayor.</summary>
    public const int AccountableLevel = 3;

    /// <summary>
    /// A year score at or below this is accountable whatever made it: twice the quarterly line of the default
    /// rule (<see cref="ScoreRule.AccountableAtMost"/> −3), i.e. two bad quarters' worth.
    /// </summary>
    public const decimal AccountableYearScore = -6m;

    public static IReadOnlyList<YearMention> Commended(IReadOnlyList<UnitYear> units, int quartersHeld)
    {
        ArgumentNullException.ThrowIfNull(units);
        List<UnitYear> clean = [.. units
            .Where(u => quartersHeld >= MinQuartersForCommendation && u.Quarters.Count == quartersHeld)
            .Where(u => u.LateTasks == 0 && u.Returns == 0 && u.HighestLevel == 0 && u.Owed > 0 && u.OnTime == u.Owed)
            .Where(u => u.Accepted >= MinAcceptedShareForCommendation * u.Owed)
            .OrderByDescending(u => u.Score)
            .ThenByDescending(u => u.Accepted)];
        int cap = Math.Max(1, (int)Math.Floor(units.Count * MaxCommendedShare));
        var named = new List<UnitYear>();
        foreach (UnitYear u in clean)
        {
            if (named.Count >= cap && (u.Score != named[^1].Score || u.Accepted != named[^1].Accepted))
            {
                break;
            }

            named.Add(u);
        }

        return [.. named.Select(u => new YearMention(u.UnitId, u.Name, u.Rank, u.Score, CommendReason(u)))];
    }

    public static IReadOnlyList<YearMention> Accountable(IReadOnlyList<UnitYear> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. units
            .Where(u => u.LateTasks >= AccountableLateTasks || u.HighestLevel >= AccountableLevel || u.Score <= AccountableYearScore)
            .OrderBy(u => u.Score)
            .ThenByDescending(u => u.LateTasks)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)
            .Select(u => new YearMention(u.UnitId, u.Name, u.Rank, u.Score, AccountableReason(u)))];
    }

    /// <summary>The rule in one sentence, for the document.</summary>
    public static string Describe() =>
        $"拟表扬单位须至少{ChineseNumerals.Format(MinQuartersForCommendation)}个季度参与、各季度均按时报送、无退回、未被督办，且{SummaryText.N(MinAcceptedShareForCommendation * 100)}%以上报告经审核通过，按年度得分取前{SummaryText.N(MaxCommendedShare * 100)}%；"
        + $"全年逾期或未报送{AccountableLateTasks}项及以上、或被{SummaryText.Level(AccountableLevel)}督办、或年度得分在{SummaryText.Points(AccountableYearScore)}分及以下的单位拟问责。";

    /// <summary>四个季度均按时报送，无退回，未被督办，16份报告均经审核通过，年度得分+2分.</summary>
    public static string CommendReason(UnitYear u)
    {
        ArgumentNullException.ThrowIfNull(u);
        string quarters = u.Quarters.Count == 4 ? "四个季度" : $"参与的{ChineseNumerals.Format(u.Quarters.Count)}个季度";
        string accepted = u.Accepted == u.Owed ? $"{u.Owed}份报告均经审核通过" : $"{u.Owed}份报告中{u.Accepted}份经审核通过";
        return $"{quarters}均按时报送，无退回，未被督办，{accepted}，年度得分{SummaryText.Points(u.Score)}分";
    }

    /// <summary>全年3项任务逾期（其中1项未报送），最高升级至三级（红色），退回2次，年度得分−8分.</summary>
    public static string AccountableReason(UnitYear u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var parts = new List<string>();
        if (u.LateTasks > 0)
        {
            parts.Add($"全年{u.LateTasks}项任务逾期{(u.Missing > 0 ? $"（其中{u.Missing}项未报送）" : string.Empty)}");
        }

        if (u.HighestLevel > 0)
        {
            parts.Add($"最高升级至{SummaryText.Level(u.HighestLevel)}");
        }

        if (u.Returns > 0)
        {
            parts.Add($"退回修改{u.Returns}次");
        }

        parts.Add($"年度得分{SummaryText.Points(u.Score)}分");
        return string.Join("，", parts);
    }
}
