namespace SixStability.Core.Calendar;

/// <summary>One year of the State Council's schedule: the dates that differ from a plain Monday–Friday week.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayDay> Days);

/// <param name="IsOffDay">True for a day off (休), false for a make-up workday (班).</param>
public sealed record HolidayDay(DateOnly Date, string Name, bool IsOffDay);
