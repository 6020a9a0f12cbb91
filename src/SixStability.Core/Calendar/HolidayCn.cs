using System.Reflection;
using System.Text.Json;

namespace SixStability.Core.Calendar;

/// <summary>
/// Reads the holiday-cn format (https://github.com/NateScarlet/holiday-cn, MIT): one JSON file per
/// year with its official days off and make-up workdays. A file with no days is a year whose
/// schedule is not yet published and is not loaded.
/// </summary>
public static class HolidayCn
{
    /// <summary>Parses one year's file; returns null for an unpublished year (no days).</summary>
    public static HolidayYear? Parse(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            int year = root.GetProperty("year").GetInt32();
            var days = new List<HolidayDay>();
            foreach (JsonElement day in root.GetProperty("days").EnumerateArray())
            {
                DateOnly date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                days.Add(new HolidayDay(date, day.GetProperty("name").GetString() ?? string.Empty, day.GetProperty("isOffDay").GetBoolean()));
            }

            return days.Count == 0 ? null : new HolidayYear(year, days);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            throw new FormatException($"节假日数据文件 {source} 格式无效：{ex.Message}", ex);
        }
    }

    /// <summary>The years shipped inside the product.</summary>
    public static IReadOnlyList<HolidayYear> Embedded()
    {
        Assembly assembly = typeof(HolidayCn).Assembly;
        var years = new List<HolidayYear>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("holiday-cn/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            if (Parse(reader.ReadToEnd(), name) is { } year)
            {
                years.Add(year);
            }
        }

        return years;
    }

    /// <summary>The shipped years, overlaid by <paramref name="extra"/> (an operator's newer files win).</summary>
    public static BusinessCalendar Calendar(IEnumerable<HolidayYear>? extra = null)
    {
        var byYear = Embedded().ToDictionary(y => y.Year);
        foreach (HolidayYear y in extra ?? [])
        {
            byYear[y.Year] = y;
        }

        return new BusinessCalendar(byYear.Values);
    }
}
