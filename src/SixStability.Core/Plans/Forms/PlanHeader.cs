namespace SixStability.Core.Plans.Forms;

/// <summary>The plan's title line and its date of issue (印发日期), as a 公文 writes them.</summary>
internal static partial class PlanHeader
{
    /// <summary>
    /// A title stands alone, is short, has no sentence or list in it and ends like one (…实施方案, …责任分工);
    /// a web copy may wrap it in 《》.
    /// </summary>
    public static bool LooksLikeTitle(string line)
    {
        string title = Unwrap(line);
        return title.Length is >= 4 and <= 60
            && title.IndexOfAny(['。', '，', ',', '；', ';']) < 0
            && !title.EndsWith('：') && !title.EndsWith(':')
            && TitleEnding().IsMatch(title);
    }

    /// <summary>《X》 → X, for a title line a web page put in book-title marks.</summary>
    public static string Unwrap(string line) =>
        line.Length > 2 && line[0] == '《' && line[^1] == '》' && line.IndexOf('《', 1) < 0 ? line[1..^1] : line;

    /// <summary>
    /// A title wrapped over two lines (立山区政府2023年重点工作 / 任务分解和责任分工方案): the line before joins it
    /// when it is short, bare text and not the issuer's name that signs the notice.
    /// </summary>
    public static bool ContinuesInto(string previous) =>
        previous.Length is >= 4 and <= 30
        && previous.IndexOfAny(['。', '，', ',', '、', '：', ':', '；', ';', '(', ')', '（', '）', '《', '》', '“', '”', '〔', '〕']) < 0
        && !Signature().IsMatch(previous)
        && !ArabicDate().IsMatch(previous)
        && !TitleEnding().IsMatch(previous);

    /// <summary>关于印发《X》的通知 → X, when the plan's own title line is missing.</summary>
    public static string FromNoticeTitle(string title)
    {
        Match m = NoticeTitle().Match(title);
        return m.Success ? m.Groups["t"].Value.Trim('《', '》', '〈', '〉') : title;
    }

    /// <summary>2020年6月3日 or 二○二○年六月三日 on a line of its own.</summary>
    public static bool TryIssued(string line, out DateOnly? date, out bool invalid)
    {
        date = null;
        invalid = false;
        Match m = ArabicDate().Match(line);
        int y;
        int mo;
        int d;
        if (m.Success)
        {
            y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = ChineseDate().Match(line)).Success && ChineseYear(m.Groups["y"].Value) is int cy
            && ChineseNumerals.TryParse(m.Groups["m"].Value, out mo) && ChineseNumerals.TryParse(m.Groups["d"].Value, out d))
        {
            y = cy;
        }
        else
        {
            return false;
        }

        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            invalid = true;
            return true;
        }

        date = new DateOnly(y, mo, d);
        return true;
    }

    public static int? FirstYear(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            Match m = AnyYear().Match(line);
            if (m.Success)
            {
                return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static int? ChineseYear(string digits)
    {
        int year = 0;
        foreach (char c in digits)
        {
            int digit = "〇一二三四五六七八九".IndexOf(c == '○' || c == '零' || c == 'Ｏ' || c == 'O' ? '〇' : c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            year = (year * 10) + digit;
        }

        return year is >= 1949 and <= 2199 ? year : null;
    }

    // A title may end in a bracketed note: 实施方案（试行）, 工作要点（2021年修订）.
    [GeneratedRegex(@"(方案|意见|措施|办法|计划|通知|细则|分工|要点|清单|事项|纲要|规划|决定|分解|分解表|分工表)(?:[（(][^（）()]{1,12}[）)])?$")]
    private static partial Regex TitleEnding();

    [GeneratedRegex(@"(?:政府|办公室|办公厅|委员会|局|厅|委|文件)$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"关于印发(?<t>.+?)的通知$")]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$")]
    private static partial Regex ArabicDate();

    [GeneratedRegex(@"^(?<y>[〇○零Ｏ一二三四五六七八九]{4})年(?<m>[一二三四五六七八九十]{1,2})月(?<d>[一二三四五六七八九十]{1,3})日$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<y>20\d{2})年")]
    private static partial Regex AnyYear();
}
