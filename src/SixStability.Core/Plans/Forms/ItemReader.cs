using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans.Forms;

/// <summary>
/// Turns the lines of one numbered item into its title, text, responsible units, targets and deadlines.
/// Units come from lines of their own (牵头单位：…, 配合单位：…) when there are any, otherwise from the
/// clause that closes a sentence: the last one with a label (（责任单位：…）), or every one without
/// (（A、B负责）, （A牵头，B参与）).
/// </summary>
internal static partial class ItemReader
{
    private const int MaxTitle = 40;

    public static ReadItem FromOutline(OutlineNode node, IReadOnlyList<PlanLine> lines, UnitAssignment inherited, int? planYear, List<PlanWarning> warnings)
    {
        PlanLine heading = node.Heading!;
        var location = new PlanLocation(heading.Line);
        var text = new StringBuilder(heading.Rest);
        var unitLines = new List<string>();
        var deadlineTexts = new List<string>();
        bool leadRule = false;
        foreach (PlanLine line in lines)
        {
            switch (line.Kind)
            {
                case LineKind.UnitLine:
                    unitLines.Add(RemoveLeadRule(line.Raw, ref leadRule).TrimEnd('。', '；', ';'));
                    break;
                case LineKind.DeadlineLine:
                    deadlineTexts.Add(line.Rest);
                    break;
                case LineKind.LeaderLine:
                    break;
                default:
                    text.Append('\n').Append(line.Raw);
                    break;
            }
        }

        (string body, UnitAssignment fromClauses) = ExtractUnits(text.ToString());
        UnitAssignment units = unitLines.Count > 0
            ? UnitClause.Parse(string.Join("；", unitLines), bare: true, out _) ?? UnitAssignment.None
            : fromClauses;
        if (units.IsEmpty && !inherited.IsEmpty)
        {
            units = inherited;
        }

        (string title, string rest, bool titleIsWhole) = SplitTitle(body);
        return Complete(node.Position, node.SectionIndex, heading.Label, title, rest, titleIsWhole, units, deadlineTexts, location, planYear, warnings);
    }

    /// <summary>Reads the units of a node's own lines (not its children's), to tell tasks from groups.</summary>
    public static UnitAssignment UnitsOf(OutlineNode node)
    {
        var unitLines = node.Lines.Where(l => l.Kind == LineKind.UnitLine).Select(l => l.Raw.TrimEnd('。', '；', ';')).ToList();
        if (unitLines.Count > 0)
        {
            bool ignored = false;
            return UnitClause.Parse(string.Join("；", unitLines.Select(l => RemoveLeadRule(l, ref ignored))), bare: true, out _) ?? UnitAssignment.None;
        }

        string text = string.Join("\n", new[] { node.Heading?.Rest ?? string.Empty }.Concat(node.Lines.Where(l => l.Kind is LineKind.Text or LineKind.SubItem).Select(l => l.Raw)));
        return ExtractUnits(text).Units;
    }

    /// <summary>Builds the item from its parts; targets and deadlines are read from its title and text.</summary>
    public static ReadItem Complete(
        int position, int sectionIndex, string label, string title, string text, bool titleIsWhole, UnitAssignment units,
        IReadOnlyList<string> deadlineTexts, PlanLocation location, int? planYear, List<PlanWarning> warnings)
    {
        // A title cut short is still whole in the text; read targets from each sentence once.
        string source = titleIsWhole && title.Length > 0 ? title + "。" + text : text;
        IReadOnlyList<Indicator> indicators = IndicatorReader.Read(source);
        var deadlines = DeadlineReader.Read(source, planYear, message => warnings.Add(Warning(location, message))).ToList();
        foreach (string deadline in deadlineTexts)
        {
            foreach (TaskDeadline d in DeadlineReader.Read(deadline, planYear, message => warnings.Add(Warning(location, message))))
            {
                if (!deadlines.Any(x => x.Date == d.Date))
                {
                    deadlines.Add(d);
                }
            }
        }

        foreach (string name in units.Units.Where(u => u.Length > MaxTitle))
        {
            warnings.Add(Warning(location, $"责任单位名称过长，请检查分隔符：{PlanImporter.Excerpt(name)}"));
        }

        if (units.Note is string note)
        {
            // A table row is named by its place (表1第2行), a paragraph item by its numbering too (（一）稳岗).
            string name = location.Table is null ? label + PlanImporter.Excerpt(title) : PlanImporter.Excerpt(title);
            warnings.Add(Warning(location, $"{name}：责任单位后附有说明“{note}”，如后续任务也涉及这些单位，请在审核中补充。"));
        }

        var item = new PlanItem(0, sectionIndex, label, title, text, units.Units, units.LeadCount, indicators, deadlines, units.Units.Count > 0, location, null, units.Others, units.Note);
        return new ReadItem(position, item);
    }

    /// <summary>
    /// The title is the first sentence of the item's own line (稳定就业岗位。), or the whole line when it has
    /// no 。 (地区生产总值增长7%以上); a title longer than 40 characters is shortened, the text keeps it all.
    /// </summary>
    public static (string Title, string Text, bool TitleIsWhole) SplitTitle(string body)
    {
        body = body.Trim();
        int newline = body.IndexOf('\n', StringComparison.Ordinal);
        string first = newline >= 0 ? body[..newline] : body;
        int stop = first.IndexOf('。', StringComparison.Ordinal);
        string title;
        string text;
        if (stop >= 0)
        {
            title = first[..stop].Trim();
            text = body[(stop + 1)..].Trim();
        }
        else
        {
            title = first.Trim().TrimEnd('；', ';', '：', ':', '，', ',');
            text = newline >= 0 ? body[(newline + 1)..].Trim() : string.Empty;
        }

        if (title.Length == 0 && text.Length > 0)
        {
            return SplitTitle(text);
        }

        if (title.Length > MaxTitle)
        {
            return (PlanImporter.Excerpt(title), body, false);
        }

        return (title, text, true);
    }

    /// <summary>Removes the unit clauses from a task's text and reads them.</summary>
    public static (string Body, UnitAssignment Units) ExtractUnits(string text)
    {
        List<(int Start, int End)> groups = Brackets(text);
        (int Start, int End)? labelled = null;
        UnitAssignment? labelledUnits = null;
        var bare = new List<((int Start, int End) Span, UnitAssignment Units)>();
        var remove = new List<(int Start, int End)>();
        foreach ((int start, int end) in groups)
        {
            string inner = text[(start + 1)..end];
            if (UnitClause.IsLeadRuleOnly(inner))
            {
                remove.Add((start, end));
                continue;
            }

            UnitAssignment? units = UnitClause.Parse(inner, bare: ClosesSentence(text, start), out _);
            if (units is null)
            {
                continue;
            }

            if (HasLabel(inner))
            {
                // The last labelled clause is the task's (as the seed's （责任单位：…） closing the paragraph).
                labelled = (start, end);
                labelledUnits = units;
            }
            else
            {
                bare.Add(((start, end), units));
            }
        }

        UnitAssignment result;
        if (labelledUnits is not null)
        {
            remove.Add(labelled!.Value);
            result = labelledUnits;
        }
        else if (bare.Count > 0)
        {
            remove.AddRange(bare.Select(b => b.Span));
            UnitAssignment first = bare[0].Units;
            var leads = first.Units.Take(first.LeadCount).ToList();
            var partners = bare.SelectMany(b => b.Units.Units).Where(u => !leads.Contains(u, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            string? note = string.Join("。", bare.Select(b => b.Units.Note).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } n ? n : null;
            result = UnitAssignment.From(leads, partners, bare.Any(b => b.Units.Others), note);
        }
        else
        {
            result = UnitAssignment.None;
        }

        var body = new StringBuilder(text.Length);
        int at = 0;
        foreach ((int start, int end) in remove.OrderBy(r => r.Start))
        {
            body.Append(text, at, start - at);
            at = end + 1;
        }

        body.Append(text, at, text.Length - at);
        string cleaned = BlankLines().Replace(body.ToString(), "\n").Trim();
        return (cleaned, result);
    }

    private static bool HasLabel(string inner) => LabelWord().IsMatch(inner);

    /// <summary>A clause without a label counts only where it closes a sentence (…延长至2022年4月30日。（A负责）).</summary>
    private static bool ClosesSentence(string text, int start)
    {
        for (int i = start - 1; i >= 0; i--)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                continue;
            }

            return c is '。' or '；' or ';' or '\n' or '！' or '：';
        }

        return true;
    }

    /// <summary>Bracketed groups at the outermost level, as (open, close) indexes; 各县〔市、区〕政府 inside stays whole.</summary>
    private static List<(int Start, int End)> Brackets(string text)
    {
        var groups = new List<(int, int)>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '(' or '（' or '〔')
            {
                if (depth++ == 0)
                {
                    open = i;
                }
            }
            else if (c is ')' or '）' or '〕' && depth > 0 && --depth == 0)
            {
                groups.Add((open, i));
            }
        }

        return groups;
    }

    private static string RemoveLeadRule(string line, ref bool leadRule)
    {
        var spans = Brackets(line).Where(g => UnitClause.IsLeadRuleOnly(line[(g.Start + 1)..g.End])).ToList();
        if (spans.Count == 0)
        {
            return line;
        }

        leadRule = true;
        var sb = new StringBuilder(line);
        foreach ((int start, int end) in spans.OrderByDescending(s => s.Start))
        {
            sb.Remove(start, end - start + 1);
        }

        return sb.ToString().Trim();
    }

    private static PlanWarning Warning(PlanLocation location, string message) => new(location.Line, message, location.Table, location.Row);

    [GeneratedRegex(@"(?:牵头|责任|配合|协同|协办|参与|主要责任)(?:单位|部门)\s*[:：]|部门分工\s*[:：]")]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
