using System.Globalization;
using System.Text.RegularExpressions;
using SixStability.Core.Text;

namespace SixStability.Core.Plans;

/// <summary>
/// Reads an implementation plan of the 六稳六保 form in plain text: numbered sections (二、保居民就业),
/// numbered tasks ((一)稳定就业岗位。…) ending with their responsible units ((责任单位:…)).
/// It is a parser for documents of this form, not a table of one plan: whatever it cannot read
/// becomes a warning that names the line.
/// </summary>
public static partial class PlanImporter
{
    /// <summary>A plan's text is a few dozen KB; anything far larger is not a plan.</summary>
    public const int MaxLength = 1_000_000;

    public static PlanImportResult Import(string planId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PlanIds.Validate(planId);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PlanFormatException("方案文本为空。");
        }

        if (text.Length > MaxLength)
        {
            throw new PlanFormatException($"方案文本过长（{text.Length} 字符，上限 {MaxLength}）。");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new PlanFormatException("方案文本含有二进制内容，请提供纯文本（UTF-8）。");
        }

        var warnings = new List<PlanWarning>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        string title = string.Empty;
        DateOnly? issued = null;
        var sections = new List<SectionBuilder>();
        SectionBuilder? section = null;
        TaskBuilder? task = null;

        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i].Trim().Trim('\u3000');
            if (line.Length == 0)
            {
                continue;
            }

            Match m;
            if ((m = TaskHeading().Match(line)).Success && ChineseNumerals.TryParse(m.Groups["n"].Value, out int taskNo))
            {
                if (section is null)
                {
                    warnings.Add(new(lineNo, $"任务（{m.Groups["n"].Value}）不在任何章节之下，已忽略。"));
                    task = null;
                    continue;
                }

                task = new TaskBuilder(taskNo, lineNo, m.Groups["rest"].Value);
                section.Tasks.Add(task);
                continue;
            }

            if ((m = SectionHeading().Match(line)).Success && ChineseNumerals.TryParse(m.Groups["n"].Value, out int sectionNo))
            {
                section = new SectionBuilder(sectionNo, m.Groups["title"].Value.Trim(), lineNo);
                sections.Add(section);
                task = null;
                continue;
            }

            if (task is not null)
            {
                task.Lines.Add((lineNo, line));
                continue;
            }

            if (section is null)
            {
                if (issued is null && (m = IssuedDate().Match(line)).Success)
                {
                    issued = ToDate(m, warnings, lineNo);
                }
                else if (title.Length == 0 && LooksLikeTitle(line))
                {
                    title = line;
                }
            }
            else
            {
                section.Preamble.Add((lineNo, line));
            }
        }

        if (title.Length == 0)
        {
            warnings.Add(new(0, "未找到方案标题（应为单独一行，以“方案”“意见”“措施”等结尾）。"));
        }

        int? planYear = issued?.Year ?? FirstYear(text);
        if (issued is null)
        {
            warnings.Add(new(0, planYear is null
                ? "未找到印发日期（如“2020年6月3日”），未写年份的时限无法识别。"
                : $"未找到印发日期（如“2020年6月3日”），未写年份的时限按 {planYear} 年处理。"));
        }

        var result = new List<PlanSection>();
        int expectedTask = 1;
        foreach (SectionBuilder s in sections)
        {
            if (s.Tasks.Count == 0)
            {
                continue; // 总体要求, 组织保障 and the like are prose, not tasks.
            }

            foreach ((int lineNo, string line) in s.Preamble)
            {
                warnings.Add(new(lineNo, $"章节“{s.Title}”中首个任务之前的文字未归入任何任务：{Excerpt(line)}"));
            }

            var tasks = new List<PlanTask>();
            foreach (TaskBuilder t in s.Tasks)
            {
                if (t.Number != expectedTask)
                {
                    warnings.Add(new(t.Line, $"任务编号不连续：应为（{ChineseNumerals.Format(Math.Clamp(expectedTask, 1, 99))}），实为（{ChineseNumerals.Format(t.Number)}）。"));
                }

                expectedTask = t.Number + 1;
                tasks.Add(t.Build(planYear, warnings));
            }

            result.Add(new PlanSection(s.Number, s.Title, tasks));
        }

        if (result.Count == 0)
        {
            throw new PlanFormatException("未识别到任何任务：方案应包含“二、……”这样的章节标题和“（一）……”这样的编号任务。");
        }

        var duplicates = result.SelectMany(s => s.Tasks).GroupBy(t => t.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new PlanFormatException($"任务编号重复：{string.Join("、", duplicates.Select(n => $"（{ChineseNumerals.Format(n)}）"))}。");
        }

        return new PlanImportResult(new PlanCatalog(planId, title, result, issued), warnings);
    }

    internal static string Excerpt(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static bool LooksLikeTitle(string line) =>
        line.Length <= 60
        && !line.Contains('《', StringComparison.Ordinal)
        && TitleEnding().IsMatch(line);

    private static int? FirstYear(string text)
    {
        Match m = AnyYear().Match(text);
        return m.Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static DateOnly? ToDate(Match m, List<PlanWarning> warnings, int lineNo)
    {
        int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            warnings.Add(new(lineNo, $"印发日期无效：{m.Value}"));
            return null;
        }

        return new DateOnly(y, mo, d);
    }

    // (一)稳定就业岗位。…  — half- or full-width brackets.
    [GeneratedRegex(@"^[(（](?<n>[一二三四五六七八九十]{1,3})[)）]\s*(?<rest>.+)$")]
    private static partial Regex TaskHeading();

    // 二、保居民就业 — a short heading, never a sentence.
    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})[、.．]\s*(?<title>[^。；;，,]{1,30})$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$")]
    private static partial Regex IssuedDate();

    [GeneratedRegex(@"(?<y>20\d{2})年")]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"(方案|意见|措施|办法|计划|通知|细则)$")]
    private static partial Regex TitleEnding();

    private sealed class SectionBuilder(int number, string title, int line)
    {
        public int Number { get; } = number;

        public string Title { get; } = title;

        public int Line { get; } = line;

        public List<TaskBuilder> Tasks { get; } = [];

        public List<(int Line, string Text)> Preamble { get; } = [];
    }

    private sealed class TaskBuilder(int number, int line, string firstLine)
    {
        public int Number { get; } = number;

        public int Line { get; } = line;

        public List<(int Line, string Text)> Lines { get; } = [(line, firstLine)];

        public PlanTask Build(int? planYear, List<PlanWarning> warnings)
        {
            string all = string.Join("\n", Lines.Select(l => l.Text));
            (string body, IReadOnlyList<string> units) = ResponsibleUnits.Split(all);
            if (units.Count == 0)
            {
                warnings.Add(new(Line, $"任务（{ChineseNumerals.Format(Number)}）未找到“（责任单位：……）”，无法生成报送任务。"));
            }

            int stop = body.IndexOf('。', StringComparison.Ordinal);
            string title = (stop >= 0 ? body[..stop] : body).Trim();
            string text = (stop >= 0 ? body[(stop + 1)..] : string.Empty).Trim();
            if (stop < 0 || title.Length > 40)
            {
                warnings.Add(new(Line, $"任务（{ChineseNumerals.Format(Number)}）的标题未以“。”结束或过长：{Excerpt(title)}"));
                if (title.Length > 40)
                {
                    text = body.Trim();
                    title = Excerpt(title);
                }
            }

            foreach ((int lineNo, string unit) in units.Select(u => (Line, u)).Where(u => u.u.Length > 40))
            {
                warnings.Add(new(lineNo, $"责任单位名称过长，请检查分隔符：{Excerpt(unit)}"));
            }

            int firstLine = Lines[0].Line;
            IReadOnlyList<TaskDeadline> deadlines = DeadlineReader.Read(text, planYear, message => warnings.Add(new(firstLine, message)));
            IReadOnlyList<Indicator> indicators = IndicatorReader.Read(text);
            return new PlanTask(Number, title, text, units, indicators, deadlines);
        }
    }
}
