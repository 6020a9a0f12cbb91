namespace SixStability.Core.Calendar;

/// <summary>
/// China Standard Time. China has kept UTC+8 without daylight saving since 1991, so a fixed offset
/// is exact and does not depend on the host's time-zone database (Windows and Linux name it differently).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToChina(clock.GetUtcNow()).DateTime);
    }
}
