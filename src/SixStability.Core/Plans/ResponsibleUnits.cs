using System.Text.RegularExpressions;

namespace SixStability.Core.Plans;

/// <summary>Finds a task's closing "(责任单位:A、B,各县〔市、区〕政府)" and splits it into names.</summary>
internal static partial class ResponsibleUnits
{
    public static (string Body, IReadOnlyList<string> Units) Split(string taskText)
    {
        MatchCollection matches = UnitsClause().Matches(taskText);
        if (matches.Count == 0)
        {
            return (taskText, []);
        }

        Match last = matches[^1];
        string body = string.Concat(taskText.AsSpan(0, last.Index), taskText.AsSpan(last.Index + last.Length)).Trim();
        return (body, SplitNames(last.Groups["units"].Value));
    }

    /// <summary>Splits on 、 , ， ; ； outside brackets, so 各县〔市、区〕政府 stays whole.</summary>
    public static IReadOnlyList<string> SplitNames(string list)
    {
        var names = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            char c = i < list.Length ? list[i] : '、';
            if (c is '(' or '（' or '〔' or '[' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or '〕' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && c is '、' or ',' or '，' or ';' or '；' || i == list.Length)
            {
                string name = list[start..i].Trim().Trim('\u3000');
                if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }

                start = i + 1;
            }
        }

        return names;
    }

    // The last bracketed 责任单位 clause; its list may hold nested brackets one level deep.
    [GeneratedRegex(@"[(（]\s*责任单位\s*[:：]\s*(?<units>(?:[^()（）〔〕]|[〔(（][^()（）〔〕]*[〕)）])+)[)）]")]
    private static partial Regex UnitsClause();
}
