namespace SixStability.Core.Text;

/// <summary>
/// A figure as clerks type it: 16000, 16,000, 1.6万, １６０００ (full-width, as Chinese input methods give),
/// 3.2亿. An approximation (约1.6万, 1.6万余) or anything else that is not one exact number is refused,
/// so a report holds the figure the unit vouches for.
/// </summary>
public static class NumberText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = Normalize(text);
        decimal multiplier = 1;
        if (s.EndsWith('万'))
        {
            (multiplier, s) = (10_000m, s[..^1]);
        }
        else if (s.EndsWith('亿'))
        {
            (multiplier, s) = (100_000_000m, s[..^1]);
        }

        if (s.Length == 0 || s.Length > 30 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal number))
        {
            return false;
        }

        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Full-width digits and marks to ASCII, Chinese commas to thousands separators, spaces removed.</summary>
    private static string Normalize(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (char c in text.Trim())
        {
            s.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' or '。' => '.',
                '，' or '、' => ',',
                '－' => '-',
                '＋' => '+',
                ' ' or '\u3000' => '\0',
                _ => c,
            });
        }

        return s.Replace("\0", string.Empty).ToString();
    }
}
