using System.Buffers;

namespace SixStability.Core.Plans;

/// <summary>
/// A task's short title for a narrow column head (the board): the first clause of the title, without the adverbs and
/// leading verbs every work plan repeats (坚决, 进一步, 加快, 推动 …) when the clause is longer than fits, and cut to
/// <see cref="MaxLength"/> characters with an ellipsis past that. The full title stays in the tooltip.
/// </summary>
public static class TaskShortTitle
{
    public const int MaxLength = 8;

    // Adverbs first, then the verbs of action; the noun phrase after them names the task.
    private static readonly string[] Adverbs = ["坚决", "大力", "进一步", "着力", "切实", "全力", "积极", "持续", "不断", "深入", "全面", "扎实"];
    private static readonly string[] Verbs = ["加强", "加快", "推动", "促进", "提升", "实施", "开展", "强化", "优化", "抓好", "打好", "打赢", "做好", "完善", "推进", "落实", "壮大", "保障", "稳定", "防范"];
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("，,；;：:。（(、 \u3000");

    public static string Of(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string text = title.Trim();
        int end = text.IndexOfAny(ClauseEnds);
        string clause = end > 0 ? text[..end] : text;
        if (clause.Length > MaxLength)
        {
            clause = Strip(clause, Adverbs);
        }

        if (clause.Length > MaxLength)
        {
            string bare = Strip(clause, Verbs);

            // "加强对重点行业…": the verb's object follows 对.
            clause = bare.Length > 1 && bare[0] == '对' ? bare[1..] : bare;
        }

        return clause.Length > MaxLength ? clause[..(MaxLength - 1)] + "…" : clause;
    }

    private static string Strip(string clause, string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            // Never strip down to nothing or to a single character: the rest must still name something.
            if (clause.StartsWith(prefix, StringComparison.Ordinal) && clause.Length - prefix.Length >= 2)
            {
                return clause[prefix.Length..];
            }
        }

        return clause;
    }
}
