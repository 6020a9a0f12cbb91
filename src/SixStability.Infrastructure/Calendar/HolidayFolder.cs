using SixStability.Core.Calendar;

namespace SixStability.Infrastructure.Calendar;

/// <summary>
/// <c>Calendar:HolidaysPath</c>: a folder of holiday-cn files (2027.json …) that an operator drops in
/// when the State Council publishes a new year; they overlay the years shipped in the product.
/// </summary>
public static class HolidayFolder
{
    public static BusinessCalendar Load(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || !System.IO.Directory.Exists(folder))
        {
            return HolidayCn.Calendar();
        }

        var extra = System.IO.Directory.EnumerateFiles(folder, "*.json")
            .Where(f => int.TryParse(Path.GetFileNameWithoutExtension(f), out _))
            .Select(f => HolidayCn.Parse(File.ReadAllText(f), f))
            .OfType<HolidayYear>()
            .ToList();
        return HolidayCn.Calendar(extra);
    }
}
