using SixStability.Core.Text;

namespace SixStability.Core.Notifications;

/// <summary>One unit late on one task.</summary>
public sealed record LateItem(string UnitName, int TaskNumber, string TaskTitle, int WorkingDaysLate)
{
    public string TaskLabel => $"（{ChineseNumerals.Format(TaskNumber)}）{TaskTitle}";
}
