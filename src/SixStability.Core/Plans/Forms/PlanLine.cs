namespace SixStability.Core.Plans.Forms;

/// <summary>One line of a plan, classified by how it begins.</summary>
/// <param name="Number">The numeral of a heading or item (二 → 2, （三） → 3, 4. → 4).</param>
/// <param name="Label">The numbering as written (二、, （三）, 4.), or the unit/deadline label of such a line.</param>
/// <param name="Rest">What follows the numbering or label.</param>
internal sealed partial record PlanLine(LineKind Kind, int Line, int Number, string Label, string Rest, string Raw)
{
    /// <summary>A section title is a short heading; a line that runs on is a paragraph that happens to start with 一、.</summary>
    private const int MaxSectionTitle = 40;

    public static PlanLine Classify(int line, string text)
    {
        string raw = Clean(text);
        Match m;
        if ((m = ParenChinese().Match(raw)).Success && ChineseNumerals.TryParse(m.Groups["n"].Value, out int paren))
        {
            return new(LineKind.ParenItem, line, paren, $"（{m.Groups["n"].Value}）", m.Groups["rest"].Value.Trim(), raw);
        }

        if ((m = Arabic().Match(raw)).Success)
        {
            return new(LineKind.NumberItem, line, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["n"].Value + m.Groups["sep"].Value, m.Groups["rest"].Value.Trim(), raw);
        }

        if (SubItem().IsMatch(raw))
        {
            return new(LineKind.SubItem, line, 0, string.Empty, raw, raw);
        }

        if ((m = SectionHeading().Match(raw)).Success && ChineseNumerals.TryParse(m.Groups["n"].Value, out int section)
            && SectionTitle(m.Groups["title"].Value) is string title)
        {
            return new(LineKind.Section, line, section, m.Groups["n"].Value + "、", title, raw);
        }

        if ((m = UnitLabel().Match(raw)).Success)
        {
            return new(LineKind.UnitLine, line, 0, m.Groups["label"].Value, raw, raw);
        }

        if ((m = DeadlineLabel().Match(raw)).Success)
        {
            return new(LineKind.DeadlineLine, line, 0, m.Groups["label"].Value, m.Groups["rest"].Value.Trim(), raw);
        }

        if (LeaderLabel().IsMatch(raw))
        {
            return new(LineKind.LeaderLine, line, 0, string.Empty, raw, raw);
        }

        return new(LineKind.Text, line, 0, string.Empty, raw, raw);
    }

    /// <summary>
    /// The title of 一、保居民就业, or of 一、指导思想。以习近平… (a short heading run into its prose, which
    /// then stays with the section); null when the line is a sentence (一、高度重视，认真研究政策。各县区…).
    /// </summary>
    private static string? SectionTitle(string rest)
    {
        string title = rest.Trim().TrimEnd('。', '：', ':', '；', ';');
        int stop = title.IndexOf('。', StringComparison.Ordinal);
        if (stop < 0)
        {
            return title.Length is > 0 and <= MaxSectionTitle ? title : null;
        }

        string first = title[..stop];
        return first.Length is > 0 and <= 15 && !first.Contains('，', StringComparison.Ordinal) && !first.Contains(',', StringComparison.Ordinal) ? first : null;
    }

    /// <summary>The prose after a section heading run into it (一、指导思想。以习近平…), if any.</summary>
    public string SectionProse()
    {
        if (Kind != LineKind.Section)
        {
            return string.Empty;
        }

        int at = Raw.IndexOf(Rest, StringComparison.Ordinal);
        string after = at >= 0 ? Raw[(at + Rest.Length)..] : string.Empty;
        return after.TrimStart('。', '：', ':').Trim();
    }

    /// <summary>Full-width digits and spaces as ASCII, no-break and ideographic spaces trimmed.</summary>
    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                '\u00A0' or '\u3000' or '\t' => ' ',
                _ => c,
            });
        }

        return sb.ToString().Trim();
    }

    // (一) / （一） — half- or full-width brackets.
    [GeneratedRegex(@"^[(（]\s*(?<n>[一二三四五六七八九十百]{1,5})\s*[)）]\s*(?<rest>.*)$")]
    private static partial Regex ParenChinese();

    // 1. / 1、 / 1． / 1．— never 1.8万 (a decimal) nor 2020年 (a year).
    [GeneratedRegex(@"^(?<n>\d{1,3})\s*(?<sep>[.．、])(?!\d)\s*(?<rest>\S.*)$")]
    private static partial Regex Arabic();

    // (1) / （1） / ① … ⑳.
    [GeneratedRegex(@"^(?:[(（]\s*\d{1,3}\s*[)）]|[①-⑳⑴-⒇])")]
    private static partial Regex SubItem();

    // 二、保居民就业 / 二．保居民就业.
    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?<title>\S.*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<label>牵头责任单位|协同责任单位|主要责任单位|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|协同部门|协办单位|参与单位|部门分工)\s*[:：]")]
    private static partial Regex UnitLabel();

    [GeneratedRegex(@"^(?<label>完成时限|完成时间|完成期限|时间节点|时限要求|时间要求)\s*[:：]\s*(?<rest>.+)$")]
    private static partial Regex DeadlineLabel();

    [GeneratedRegex(@"^(?:牵头负责领导|牵头市领导|牵头省领导|牵头区领导|牵头县领导|分管市领导|分管省领导|分管区领导|分管县领导|市政府分管领导|牵头领导|责任领导|分管领导|责任人|联系人)\s*[:：]")]
    private static partial Regex LeaderLabel();
}
