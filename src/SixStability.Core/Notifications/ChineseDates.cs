namespace SixStability.Core.Notifications;

/// <summary>Dates as a Chinese official reads them.</summary>
public static class ChineseDates
{
    /// <summary>10月14日.</summary>
    public static string MonthDay(DateOnly date) => $"{date.Month}月{date.Day}日";

    /// <summary>2020年10月14日（星期三）.</summary>
    public static string Full(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日（星期{"日一二三四五六"[(int)date.DayOfWeek]}）";

    /// <summary>2020年10月14日（星期三）18:00.</summary>
    public static string Full(DateTimeOffset at) => $"{Full(DateOnly.FromDateTime(at.DateTime))}{at:HH:mm}";
}
