namespace SixStability.Core.Text;

/// <summary>
/// Reads and writes the Chinese numerals used to number sections and tasks (一 … 九十九, and on to
/// 九千九百九十九 for long plans: 一百零一, 一千二百三十四).
/// </summary>
public static class ChineseNumerals
{
    public const int Max = 9999;

    private const string Digits = "零一二三四五六七八九";

    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 10)
        {
            return false;
        }

        int total = 0;
        int digit = 0;
        foreach (char c in text)
        {
            int place = c switch { '千' => 1000, '百' => 100, '十' => 10, _ => 0 };
            if (place > 0)
            {
                // 十 alone stands for 一十; 百 and 千 always follow a digit.
                total += (digit == 0 && place == 10 ? 1 : digit) * place;
                digit = 0;
            }
            else if (TryDigit(c, out int d))
            {
                digit = d;
            }
            else
            {
                return false;
            }
        }

        total += digit;

        // Only the way Format writes a number is accepted (一十, 五五, 百 are not numbers here).
        if (total is < 1 or > Max || Format(total) != text)
        {
            return false;
        }

        value = total;
        return true;
    }

    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        if (value < 10)
        {
            return Digits[value].ToString();
        }

        if (value < 20)
        {
            return "十" + (value % 10 == 0 ? string.Empty : Digits[value % 10].ToString());
        }

        var sb = new System.Text.StringBuilder();
        (int Place, char Name)[] places = [(1000, '千'), (100, '百'), (10, '十'), (1, '\0')];
        bool zero = false;
        foreach ((int place, char name) in places)
        {
            int digit = value / place % 10;
            if (digit == 0)
            {
                zero = sb.Length > 0;
                continue;
            }

            if (zero)
            {
                sb.Append('零');
                zero = false;
            }

            sb.Append(Digits[digit]);
            if (name != '\0')
            {
                sb.Append(name);
            }
        }

        return sb.ToString();
    }

    private static bool TryDigit(char c, out int value)
    {
        value = Digits.IndexOf(c, StringComparison.Ordinal);
        return value >= 0;
    }
}
