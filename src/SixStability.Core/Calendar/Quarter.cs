using System.Diagnostics.CodeAnalysis;

namespace SixStability.Core.Calendar;

/// <summary>A calendar quarter, written 2020Q3.</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <summary>2020年第三季度.</summary>
    public string ChineseName => $"{Year}年第{"一二三四"[Number - 1]}季度";

    public static Quarter Parse(string? text) =>
        TryParse(text, out Quarter q)
            ? q
            : throw new FormatException($"季度“{text}”无效：应写作“2020Q3”（年份 2000–2099，季度 1–4）。");

    public static bool TryParse([NotNullWhen(true)] string? text, out Quarter quarter)
    {
        quarter = default;
        Match m = text is null ? Match.Empty : Pattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        quarter = new Quarter(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["q"].Value[0] - '0');
        return true;
    }

    public static Quarter Containing(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => $"{Year}Q{Number}";

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    [GeneratedRegex("^(?<y>20[0-9]{2})Q(?<q>[1-4])$")]
    private static partial Regex Pattern();
}
