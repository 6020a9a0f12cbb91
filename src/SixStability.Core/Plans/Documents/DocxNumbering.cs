using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Core.Plans.Documents;

/// <summary>
/// Writes out Word's automatic numbering as the reader sees it: a paragraph numbered through numbering.xml
/// (directly or through its style) gets its label — （一） from a chineseCounting level with text "（%1）",
/// 1. from a decimal one. Counters run per abstract numbering, as in Word: lists sharing one continue each
/// other unless a startOverride restarts them, and a level restarts when a higher level advances.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;
    private readonly Dictionary<int, NumInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> counters = [];
    private readonly HashSet<int> overridesApplied = [];

    public DocxNumbering(MainDocumentPart part)
    {
        Numbering? numbering = part.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (AbstractNum a in numbering.Elements<AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is int id)
                {
                    abstracts[id] = a;
                }
            }

            foreach (NumberingInstance n in numbering.Elements<NumberingInstance>())
            {
                if (n.NumberID?.Value is int id && n.AbstractNumId?.Val?.Value is int abstractId)
                {
                    var starts = new Dictionary<int, int>();
                    foreach (LevelOverride o in n.Elements<LevelOverride>())
                    {
                        if (o.LevelIndex?.Value is int level && o.StartOverrideNumberingValue?.Val?.Value is int start)
                        {
                            starts[level] = start;
                        }
                    }

                    instances[id] = new NumInstance(abstractId, starts);
                }
            }
        }

        foreach (Style s in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (s.StyleId?.Value is string id)
            {
                styles.TryAdd(id, s);
            }
        }
    }

    /// <summary>The label Word shows before the paragraph, or an empty string.</summary>
    public string Label(Paragraph paragraph)
    {
        (int numId, int level)? reference = Reference(paragraph);
        if (reference is not (int numId, int level) || numId == 0 || !instances.TryGetValue(numId, out NumInstance? instance)
            || !abstracts.TryGetValue(instance.AbstractId, out AbstractNum? abstractNum))
        {
            return string.Empty;
        }

        level = Math.Clamp(level, 0, Levels - 1);
        if (!counters.TryGetValue(instance.AbstractId, out int[]? counts))
        {
            counts = new int[Levels];
            Array.Fill(counts, -1);
            counters[instance.AbstractId] = counts;
        }

        if (overridesApplied.Add(numId) && instance.Starts.Count > 0)
        {
            // A list instance with a startOverride begins afresh from its start values.
            for (int l = 0; l < Levels; l++)
            {
                counts[l] = -1;
            }
        }

        Level?[] levels = [.. Enumerable.Range(0, Levels).Select(l => LevelOf(abstractNum, l))];
        counts[level] = counts[level] < 0 ? Start(instance, levels[level], level) : counts[level] + 1;
        for (int deeper = level + 1; deeper < Levels; deeper++)
        {
            counts[deeper] = -1;
        }

        Level? definition = levels[level];
        string? pattern = definition?.LevelText?.Val?.Value;
        string format = definition?.NumberingFormat?.Val?.InnerText ?? "decimal";
        if (pattern is null || format is "bullet" or "none")
        {
            return string.Empty;
        }

        bool legal = definition?.IsLegalNumberingStyle is not null;
        var sb = new StringBuilder(pattern.Length + 4);
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && char.IsAsciiDigit(pattern[i + 1]))
            {
                int referenced = pattern[i + 1] - '1';
                i++;
                if (referenced < 0 || referenced >= Levels)
                {
                    continue;
                }

                int value = counts[referenced] < 0 ? Start(instance, levels[referenced], referenced) : counts[referenced];
                string referencedFormat = legal && referenced < level ? "decimal" : levels[referenced]?.NumberingFormat?.Val?.InnerText ?? "decimal";
                sb.Append(Format(value, referencedFormat));
            }
            else
            {
                sb.Append(pattern[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Renders a counter in a Word number format; the common Chinese ones and the Latin ones.</summary>
    internal static string Format(int value, string format)
    {
        if (value < 1 && format is not ("decimal" or "decimalZero"))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return format switch
        {
            "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "ideographDigital"
                => value <= 9999 ? ChineseNumerals.Format(value) : value.ToString(CultureInfo.InvariantCulture),
            "chineseLegalSimplified" => Legal(value),
            "ideographTraditional" => value <= 10 ? "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString() : value.ToString(CultureInfo.InvariantCulture),
            "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => value <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture),
            "decimalEnclosedParen" => value <= 20 ? ((char)('⑴' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture),
            "decimalEnclosedFullstop" => value <= 20 ? ((char)('⒈' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture),
            "decimalFullWidth" => string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
            "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
            "lowerLetter" => Letters(value).ToLowerInvariant(),
            "upperLetter" => Letters(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
    }

    private (int NumId, int Level)? Reference(Paragraph paragraph)
    {
        NumberingProperties? direct = paragraph.ParagraphProperties?.NumberingProperties;
        if (direct?.NumberingId?.Val?.Value is int numId)
        {
            return (numId, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        // Numbering through the paragraph style (标题 1 numbered 一、), following basedOn.
        string? styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        int? level = direct?.NumberingLevelReference?.Val?.Value;
        for (int depth = 0; styleId is not null && depth < 10 && styles.TryGetValue(styleId, out Style? style); depth++)
        {
            NumberingProperties? fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            if (fromStyle?.NumberingId?.Val?.Value is int styleNumId)
            {
                return (styleNumId, level ?? 0);
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    private static Level? LevelOf(AbstractNum abstractNum, int level) =>
        abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static int Start(NumInstance instance, Level? level, int index) =>
        instance.Starts.TryGetValue(index, out int start) ? start : level?.StartNumberingValue?.Val?.Value ?? 1;

    private static string Letters(int value)
    {
        // Word repeats the letter: a … z, aa … zz.
        char letter = (char)('A' + ((value - 1) % 26));
        return new string(letter, ((value - 1) / 26) + 1);
    }

    private static string Roman(int value)
    {
        (int Value, string Numeral)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach ((int v, string numeral) in table)
        {
            while (value >= v)
            {
                sb.Append(numeral);
                value -= v;
            }
        }

        return sb.ToString();
    }

    private static string Legal(int value)
    {
        string plain = value <= 9999 ? ChineseNumerals.Format(value) : value.ToString(CultureInfo.InvariantCulture);
        return string.Concat(plain.Select(c => "一二三四五六七八九十百千零".IndexOf(c, StringComparison.Ordinal) is int i and >= 0 ? "壹贰叁肆伍陆柒捌玖拾佰仟零"[i] : c));
    }

    private sealed record NumInstance(int AbstractId, Dictionary<int, int> Starts);
}
