namespace SixStability.Core.Text;

/// <summary>Reads the small Chinese numerals used to number sections and tasks (一 … 九十九).</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int tens = text.IndexOf('十', StringComparison.Ordinal);
        if (tens < 0)
        {
            return text.Length == 1 && TryDigit(text[0], out value) && value > 0;
        }

        if (tens != text.LastIndexOf('十') || text.Length > 3)
        {
            return false;
        }

        int high = 1;
        if (tens == 1 && !TryDigit(text[0], out high))
        {
            return false;
        }

        if (tens > 1 || high == 0)
        {
            return false;
        }

        int low = 0;
        if (tens < text.Length - 1 && (text.Length - tens != 2 || !TryDigit(text[tens + 1], out low) || low == 0))
        {
            return false;
        }

        value = (high * 10) + low;
        return true;
    }

    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        if (value < 10)
        {
            return Digits[value].ToString();
        }

        string high = value / 10 == 1 ? string.Empty : Digits[value / 10].ToString();
        string low = value % 10 == 0 ? string.Empty : Digits[value % 10].ToString();
        return high + "十" + low;
    }

    private static bool TryDigit(char c, out int value)
    {
        value = Digits.IndexOf(c, StringComparison.Ordinal);
        return value >= 0;
    }
}
