namespace SixStability.Core.Notifications;

/// <summary>One unit late on one task, with whom to call about it.</summary>
/// <param name="ContactPerson">The unit's 联络员, if the directory names one.</param>
/// <param name="Phone">The 联络员's phone.</param>
public sealed record LateItem(string UnitName, int TaskNumber, string TaskTitle, int WorkingDaysLate, string? ContactPerson = null, string? Phone = null)
{
    public string TaskLabel => $"（{ChineseNumerals.Format(TaskNumber)}）{TaskTitle}";
}
