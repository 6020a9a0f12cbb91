namespace SixStability.Core.Reports;

/// <summary>
/// Condenses what a unit wrote for the report: whole sentences from the start, as many as fit a
/// budget, never a sentence cut in the middle. A first sentence longer than the budget is kept whole.
/// </summary>
public static class Sentences
{
    private const string Ends = "。！？；!?;";

    // Closing quotes and brackets that belong to the sentence before the break: …“稳就业”。）
    private const string Closers = "”’」』）)】";

    /// <summary>The sentences of <paramref name="text"/>, each with its end mark; line breaks end a sentence too.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sentences;
        }

        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r')
            {
                Flush(current, sentences);
                continue;
            }

            current.Append(c);
            if (Ends.Contains(c, StringComparison.Ordinal))
            {
                while (i + 1 < text.Length && (Closers.Contains(text[i + 1], StringComparison.Ordinal) || Ends.Contains(text[i + 1], StringComparison.Ordinal)))
                {
                    current.Append(text[++i]);
                }

                Flush(current, sentences);
            }
        }

        Flush(current, sentences);
        return sentences;
    }

    /// <summary>
    /// Whole sentences from the start of <paramref name="text"/> within <paramref name="budget"/> characters
    /// (at least the first); a sentence that ends without a mark gets 。 so the report reads as prose.
    /// Empty when there is no text.
    /// </summary>
    public static string Condense(string? text, int budget)
    {
        var kept = new StringBuilder();
        foreach (string sentence in Split(text))
        {
            string s = EndsWithMark(sentence) ? sentence : sentence + "。";
            if (kept.Length > 0 && kept.Length + s.Length > budget)
            {
                break;
            }

            kept.Append(s);
        }

        return kept.ToString();
    }

    /// <summary>Whether the condensed text left sentences out (the report then points to the full text in the .xlsx).</summary>
    public static bool Shortened(string? text, string condensed) => Split(text).Sum(s => s.Length + (EndsWithMark(s) ? 0 : 1)) > condensed.Length;

    /// <summary>Text for the middle of a sentence: the final 。 dropped so “市人社局反映，…；” reads on.</summary>
    public static string Inline(string condensed) =>
        condensed.Length > 0 && (condensed[^1] is '。' or '；' or ';') ? condensed[..^1] : condensed;

    private static bool EndsWithMark(string sentence)
    {
        string trimmed = sentence.TrimEnd(Closers.ToCharArray());
        return trimmed.Length > 0 && Ends.Contains(trimmed[^1], StringComparison.Ordinal);
    }

    private static void Flush(StringBuilder current, List<string> sentences)
    {
        string s = current.ToString().Trim();
        if (s.Length > 0)
        {
            sentences.Add(s);
        }

        current.Clear();
    }
}
