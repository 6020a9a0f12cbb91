namespace SixStability.Core.Notifications;

/// <summary>A task a unit still owes, with its own due date.</summary>
public sealed record OwedTask(int Number, string Title, DateOnly Due, int WorkingDaysLeft)
{
    public string Label => $"（{ChineseNumerals.Format(Number)}）{Title}";
}
