namespace SixStability.Core.Submissions;

/// <summary>
/// What changed between two revisions of a unit's text, as the coordinator reads it: a longest common subsequence of
/// tokens, where a token is one Chinese character (Chinese has no spaces between words, so a changed figure or word
/// shows exactly), a run of Latin letters or of digits (1.2万 changes as a number, not digit by digit), a run of
/// white space, or one other character. The shared head and tail are set aside first, so the usual small edit of a
/// long text costs little; a middle too large for the table (<see cref="MaxCells"/>) is compared sentence by sentence,
/// and failing that shown as removed and added whole.
/// </summary>
public static class TextDiff
{
    /// <summary>The largest LCS table (tokens × tokens) compared directly: 5,000 characters rewritten throughout would be 25 million.</summary>
    public const int MaxCells = 2_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string? before, string? after)
    {
        string[] old = Tokens(before ?? string.Empty);
        string[] now = Tokens(after ?? string.Empty);
        var segments = new List<DiffSegment>();
        Diff(old, now, segments, sentences: false);
        return Merge(segments);
    }

    /// <summary>Tokens as the class describes them; joined they give the text back exactly.</summary>
    public static string[] Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            TokenKind kind = KindOf(text, i);
            i += Width(text, i);
            if (kind is TokenKind.Letters or TokenKind.Digits or TokenKind.Space)
            {
                while (i < text.Length && KindOf(text, i) == kind)
                {
                    i += Width(text, i);
                }
            }

            tokens.Add(text[start..i]);
        }

        return [.. tokens];
    }

    /// <summary>Sentences, each with its closing mark (。！？；, a line break): the coarse tokens for a long rewrite.</summary>
    public static string[] Sentences(string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<string>();
        var current = new StringBuilder();
        foreach (string token in tokens)
        {
            current.Append(token);
            if (token is "。" or "！" or "？" or "；" or "!" or "?" or ";" || token.Contains('\n', StringComparison.Ordinal))
            {
                sentences.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            sentences.Add(current.ToString());
        }

        return [.. sentences];
    }

    private static void Diff(string[] old, string[] now, List<DiffSegment> segments, bool sentences)
    {
        int head = 0;
        while (head < old.Length && head < now.Length && old[head] == now[head])
        {
            head++;
        }

        int tail = 0;
        while (tail < old.Length - head && tail < now.Length - head && old[old.Length - 1 - tail] == now[now.Length - 1 - tail])
        {
            tail++;
        }

        Add(segments, DiffKind.Same, old.AsSpan(0, head));
        string[] a = old[head..(old.Length - tail)];
        string[] b = now[head..(now.Length - tail)];
        if ((long)a.Length * b.Length <= MaxCells)
        {
            Lcs(a, b, segments);
        }
        else if (!sentences)
        {
            Diff(Sentences(a), Sentences(b), segments, sentences: true);
        }
        else
        {
            Add(segments, DiffKind.Removed, a);
            Add(segments, DiffKind.Added, b);
        }

        Add(segments, DiffKind.Same, old.AsSpan(old.Length - tail, tail));
    }

    /// <summary>The classic table from the end, then one walk from the start: removals before additions at each change.</summary>
    private static void Lcs(string[] a, string[] b, List<DiffSegment> segments)
    {
        int n = a.Length, m = b.Length;
        int width = m + 1;
        int[] table = new int[(n + 1) * width];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                table[(i * width) + j] = a[i] == b[j]
                    ? table[((i + 1) * width) + j + 1] + 1
                    : Math.Max(table[((i + 1) * width) + j], table[(i * width) + j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y])
            {
                segments.Add(new DiffSegment(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (y >= m || (x < n && table[((x + 1) * width) + y] >= table[(x * width) + y + 1]))
            {
                segments.Add(new DiffSegment(DiffKind.Removed, a[x]));
                x++;
            }
            else
            {
                segments.Add(new DiffSegment(DiffKind.Added, b[y]));
                y++;
            }
        }
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, ReadOnlySpan<string> tokens)
    {
        if (tokens.Length > 0)
        {
            segments.Add(new DiffSegment(kind, string.Concat(tokens)));
        }
    }

    /// <summary>Neighbouring runs of one kind become one; within a change, what was removed reads before what was added.</summary>
    private static List<DiffSegment> Merge(List<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        int i = 0;
        while (i < segments.Count)
        {
            if (segments[i].Kind == DiffKind.Same)
            {
                var same = new StringBuilder();
                while (i < segments.Count && segments[i].Kind == DiffKind.Same)
                {
                    same.Append(segments[i++].Text);
                }

                merged.Add(new DiffSegment(DiffKind.Same, same.ToString()));
                continue;
            }

            var removed = new StringBuilder();
            var added = new StringBuilder();
            while (i < segments.Count && segments[i].Kind != DiffKind.Same)
            {
                (segments[i].Kind == DiffKind.Removed ? removed : added).Append(segments[i].Text);
                i++;
            }

            if (removed.Length > 0)
            {
                merged.Add(new DiffSegment(DiffKind.Removed, removed.ToString()));
            }

            if (added.Length > 0)
            {
                merged.Add(new DiffSegment(DiffKind.Added, added.ToString()));
            }
        }

        return merged;
    }

    private static int Width(string text, int i) => char.IsSurrogatePair(text, i) ? 2 : 1;

    private static TokenKind KindOf(string text, int i)
    {
        char c = text[i];
        if (char.IsWhiteSpace(c))
        {
            return TokenKind.Space;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > 0 && char.IsAsciiDigit(text[i - 1])))
        {
            return TokenKind.Digits;
        }

        return char.IsAsciiLetter(c) || (char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter && c < '\u0250')
            ? TokenKind.Letters
            : TokenKind.Other;
    }

    private enum TokenKind
    {
        Space,
        Digits,
        Letters,
        Other,
    }
}
