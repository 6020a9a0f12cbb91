namespace SixStability.Core.Calendar;

/// <summary>A date falls in a year whose holiday schedule has not been published or loaded.</summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException()
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarYearMissingException(int year)
        : base($"{year}年的节假日和调休安排尚未发布或未载入（缺少 {year}.json），无法计算工作日。请在国务院办公厅公布后放入节假日数据目录，或为该周期指定截止日期。")
    {
        Year = year;
    }

    public int Year { get; }
}
