namespace SixStability.Core.Plans;

/// <summary>
/// Finds dated deadlines in a task's measures: 2020年6月底前 → 2020-06-30, 延长至2021年4月30日 → 2021-04-30,
/// 6月底前 in a 2020 plan → 2020-06-30, 到年底 → the plan year's 12-31.
/// </summary>
internal static partial class DeadlineReader
{
    public static IReadOnlyList<TaskDeadline> Read(string text, int? planYear, Action<string> warn)
    {
        var deadlines = new List<TaskDeadline>();
        foreach (string sentence in Sentences().Split(text))
        {
            string s = sentence.Trim();
            if (s.Length == 0)
            {
                continue;
            }

            foreach (Match m in MonthDate().Matches(s))
            {
                if (StartsPeriod(s, m.Index + m.Length))
                {
                    continue; // 2021年5月1日起 / 2021年5月1日至2022年4月30日: when something starts, not a deadline.
                }

                int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
                int month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                if (year is null)
                {
                    warn($"时限“{m.Value}”未写年份，且方案无印发日期，无法确定日期。");
                    continue;
                }

                if (month is < 1 or > 12)
                {
                    warn($"时限“{m.Value}”的月份无效。");
                    continue;
                }

                int lastDay = DateTime.DaysInMonth(year.Value, month);
                int day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : lastDay;
                if (day < 1 || day > lastDay)
                {
                    warn($"时限“{m.Value}”的日期无效。");
                    continue;
                }

                Add(deadlines, new DateOnly(year.Value, month, day), s);
            }

            foreach (Match m in YearEnd().Matches(s))
            {
                int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : planYear;
                if (year is null)
                {
                    warn($"时限“{m.Value}”未写年份，且方案无印发日期，无法确定日期。");
                    continue;
                }

                Add(deadlines, new DateOnly(year.Value, 12, 31), s);
            }
        }

        return deadlines;
    }

    /// <summary>One deadline per date: the first sentence that names it.</summary>
    private static void Add(List<TaskDeadline> deadlines, DateOnly date, string sentence)
    {
        if (!deadlines.Any(d => d.Date == date))
        {
            deadlines.Add(new TaskDeadline(date, sentence));
        }
    }

    private static bool StartsPeriod(string sentence, int after)
    {
        string rest = sentence[after..].TrimStart();
        return rest.StartsWith('起') || rest.StartsWith('至') || rest.StartsWith('到') || rest.StartsWith('—') || rest.StartsWith('-')
            || rest.StartsWith("以来", StringComparison.Ordinal) || rest.StartsWith("开始", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[。；;\n]")]
    private static partial Regex Sentences();

    // (2020年)6月底(前) | (2021年)4月30日 — a month date that reads as a deadline, not a period (6个月).
    [GeneratedRegex(@"(?:(?<y>20\d{2})\s*年\s*)?(?<![\d.])(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*日|底|末)")]
    private static partial Regex MonthDate();

    // 2020年底 | 到年底 | 年底前 — the end of the plan's year.
    [GeneratedRegex(@"(?:(?<y>20\d{2})\s*年\s*底|(?:到|至|于)年底|年底前)")]
    private static partial Regex YearEnd();
}
