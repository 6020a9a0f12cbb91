namespace SixStability.Core.Reports;

/// <summary>A unit's score in one cycle and what it is made of, each item worded for the report.</summary>
public sealed record UnitScore(decimal Total, IReadOnlyList<ScoreItem> Items)
{
    /// <summary>The items that moved the score, largest first: 逾期共4个工作日（−2）；三级（红色）督办（−3）.</summary>
    public string Reasons(int max = 3) =>
        Items.Count == 0
            ? "按时报送"
            : string.Join("；", Items.Where(i => i.Points != 0).OrderByDescending(i => Math.Abs(i.Points)).Take(max).Select(i => $"{i.Reason}（{SummaryText.Points(i.Points)}）"));
}

/// <param name="Reason">For people: 3项指标超序时进度或达标.</param>
public sealed record ScoreItem(string Reason, decimal Points);
