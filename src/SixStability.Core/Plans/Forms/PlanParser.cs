using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans.Forms;

/// <summary>
/// Reads a plan document of any common form into sections and numbered items. Paragraphs build an outline
/// (sections 一、, items （一） and 1.); a （一） over numbered items that name units is a group heading; an
/// item that names no unit is kept as "not a task"; task tables are read row by row in their place. It is a
/// reader of forms, not of one document: whatever it cannot read becomes a warning that says where.
/// </summary>
internal sealed partial class PlanParser : ITableSink
{
    private const string ImplicitSection = "主要任务";

    private readonly List<DraftSection> sections = [];
    private readonly List<OutlineNode> sectionNodes = [];
    private readonly List<ReadItem> tableItems = [];
    private readonly List<PlanWarning> warnings = [];
    private readonly int? planYear;
    private OutlineNode root = new(null, 0, -1, null);
    private OutlineNode? section;
    private OutlineNode? paren;
    private OutlineNode? number;
    private int position;
    private string title = string.Empty;
    private string? previousText;
    private bool seenUnits;

    private PlanParser(int? planYear) => this.planYear = planYear;

    public int CurrentSection => section?.SectionIndex ?? -1;

    public static ParsedPlan Parse(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        (DateOnly? issued, int? year, List<PlanWarning> headerWarnings) = IssueDate.Read(document);
        var parser = new PlanParser(year);
        parser.warnings.AddRange(headerWarnings);
        foreach (PlanBlock block in document.Blocks)
        {
            switch (block)
            {
                case PlanParagraph p:
                    foreach (string line in p.Text.Split('\n'))
                    {
                        if (!string.IsNullOrWhiteSpace(line))
                        {
                            parser.Handle(PlanLine.Classify(p.Line, line));
                        }
                    }

                    break;
                case PlanTable t:
                    if (TaskTable.TryRead(t, parser, year, parser.warnings))
                    {
                        parser.seenUnits |= parser.tableItems.Any(i => i.Item.Units.Count > 0);
                    }

                    break;
                default:
                    break;
            }
        }

        return parser.Finish(issued, year);
    }

    public int NextPosition() => ++position;

    public void AddSection(int sectionNumber, string sectionTitle, int at)
    {
        sections.Add(new DraftSection(sectionNumber, sectionTitle));
        section = new OutlineNode(null, at, sections.Count - 1, null);
        sectionNodes.Add(section);
        paren = null;
        number = null;
    }

    public void AddItem(ReadItem item) => tableItems.Add(item);

    private void Handle(PlanLine line)
    {
        if (!seenUnits && line.Kind == LineKind.Text)
        {
            if (PlanHeader.TryIssued(line.Raw, out _, out _))
            {
                return;
            }

            if (PlanHeader.LooksLikeTitle(line.Raw))
            {
                // What came before the plan's own title is the notice that issues it (印发通知): its points
                // (一、高度重视… / 1.明确任务…) are not the plan's.
                title = previousText is string wrapped && PlanHeader.ContinuesInto(wrapped) ? wrapped + PlanHeader.Unwrap(line.Raw) : PlanHeader.Unwrap(line.Raw);
                ResetOutline();
                previousText = null;
                return;
            }
        }

        previousText = line.Kind == LineKind.Text ? line.Raw : null;
        switch (line.Kind)
        {
            case LineKind.Section:
                sections.Add(new DraftSection(line.Number, line.Rest));
                section = new OutlineNode(line, NextPosition(), sections.Count - 1, null);
                sectionNodes.Add(section);
                paren = null;
                number = null;
                if (line.SectionProse() is { Length: > 0 } prose)
                {
                    section.Lines.Add(line with { Kind = LineKind.Text, Raw = prose, Rest = prose });
                }

                break;
            case LineKind.ParenItem:
                {
                    OutlineNode parent = section ?? root;
                    paren = new OutlineNode(line, NextPosition(), parent.SectionIndex, parent);
                    parent.Children.Add(paren);
                    number = null;
                    break;
                }

            case LineKind.NumberItem:
                {
                    OutlineNode parent = paren ?? section ?? root;
                    number = new OutlineNode(line, NextPosition(), parent.SectionIndex, parent);
                    parent.Children.Add(number);
                    break;
                }

            default:
                (number ?? paren ?? section ?? root).Lines.Add(line);
                break;
        }

        seenUnits |= line.Kind == LineKind.UnitLine || UnitMention().IsMatch(line.Raw);
    }

    private void ResetOutline()
    {
        sections.Clear();
        sectionNodes.Clear();
        tableItems.Clear();
        root = new OutlineNode(null, 0, -1, null);
        section = null;
        paren = null;
        number = null;
    }

    private ParsedPlan Finish(DateOnly? issued, int? year)
    {
        if (title.Length == 0)
        {
            warnings.Add(new(0, "未找到方案标题（应为单独一行，以“方案”“意见”“措施”等结尾）。"));
        }

        if (issued is null)
        {
            warnings.Add(new(0, year is null
                ? "未找到印发日期（如“2020年6月3日”），未写年份的时限无法识别。"
                : $"未找到印发日期（如“2020年6月3日”），未写年份的时限按 {year} 年处理。"));
        }

        CheckNumbering();
        var items = new List<ReadItem>();
        List<ReadItem> rootItems = ItemsOf(root).ToList();
        if (rootItems.Count > 0)
        {
            // Items before any section heading: the plan has no sections, or starts without one.
            sections.Add(new DraftSection(1, ImplicitSection));
            int index = sections.Count - 1;
            items.AddRange(rootItems.Select(r => r with { Item = r.Item with { SectionIndex = index } }));
        }

        foreach (OutlineNode node in sectionNodes)
        {
            var sectionItems = ItemsOf(node).ToList();
            if (node.Heading is PlanLine heading && node.Children.Count > 0 && sectionItems.Any(i => i.Item.IsTask))
            {
                int firstChild = node.Children.Count > 0 ? node.Children[0].Heading!.Line : int.MaxValue;
                foreach (PlanLine prose in node.Lines.Where(l => l.Kind == LineKind.Text && l.Line < firstChild && l.Line != heading.Line))
                {
                    warnings.Add(new(prose.Line, $"章节“{sections[node.SectionIndex].Title}”中首个任务之前的文字未归入任何任务：{PlanImporter.Excerpt(prose.Raw)}"));
                }
            }

            items.AddRange(sectionItems);
        }

        items.AddRange(tableItems.Select(t => t.Item.SectionIndex >= 0 ? t : t with { Item = t.Item with { SectionIndex = ImplicitIndex() } }));
        int taskNumber = 0;
        var numbered = items.OrderBy(i => i.Position)
            .Select((r, i) => r.Item with { Number = i + 1, TaskNumber = r.Item.IsTask ? ++taskNumber : null })
            .ToList();
        return new ParsedPlan(PlanHeader.FromNoticeTitle(title), issued, sections, numbered, warnings);
    }

    private int ImplicitIndex()
    {
        int index = sections.FindIndex(s => s.Title == ImplicitSection);
        if (index < 0)
        {
            sections.Add(new DraftSection(1, ImplicitSection));
            index = sections.Count - 1;
        }

        return index;
    }

    /// <summary>
    /// The items under a section: a （一） over numbered items that name units is a group, and its items
    /// are read (taking the group's units when they name none); otherwise each heading is one item, with
    /// what is under it as its text. A section with no numbered items that names units is itself a task.
    /// </summary>
    private IEnumerable<ReadItem> ItemsOf(OutlineNode node)
    {
        if (node.Children.Count == 0)
        {
            if (node.Heading is not null && !ItemReader.UnitsOf(node).IsEmpty)
            {
                yield return ItemReader.FromOutline(node, node.Lines, UnitAssignment.None, planYear, warnings);
            }

            yield break;
        }

        foreach (OutlineNode child in node.Children)
        {
            if (child.Kind == LineKind.ParenItem && child.Children.Count > 0 && child.Children.Any(c => !ItemReader.UnitsOf(c).IsEmpty))
            {
                UnitAssignment group = ItemReader.UnitsOf(child);
                foreach (OutlineNode item in child.Children)
                {
                    yield return ItemReader.FromOutline(item, item.Lines, group, planYear, warnings);
                }
            }
            else
            {
                yield return ItemReader.FromOutline(child, child.Flatten().ToList(), UnitAssignment.None, planYear, warnings);
            }
        }
    }

    /// <summary>Numbering that skips or repeats within a list is worth a look (（一）（三）, two 2.).</summary>
    private void CheckNumbering()
    {
        var last = new Dictionary<LineKind, int>();
        foreach (OutlineNode parent in new[] { root }.Concat(sectionNodes))
        {
            Check(parent, last);
        }

        void Check(OutlineNode parent, Dictionary<LineKind, int> lastByKind)
        {
            var seen = new HashSet<(LineKind, int)>();
            foreach (OutlineNode child in parent.Children)
            {
                PlanLine h = child.Heading!;
                bool first = !seen.Any(s => s.Item1 == h.Kind);
                if (!seen.Add((h.Kind, h.Number)))
                {
                    warnings.Add(new(h.Line, $"任务编号重复：{h.Label}。"));
                }
                else
                {
                    int previous = lastByKind.GetValueOrDefault(h.Kind);
                    bool ok = h.Number == previous + 1 || (first && h.Number == 1);
                    if (!ok)
                    {
                        int expected = first && previous == 0 ? 1 : previous + 1;
                        warnings.Add(new(h.Line, $"任务编号不连续：应为{Relabel(h, expected)}，实为{h.Label}。"));
                    }
                }

                lastByKind[h.Kind] = h.Number;
                if (child.Children.Count > 0)
                {
                    Check(child, lastByKind);
                }
            }
        }
    }

    private static string Relabel(PlanLine line, int value) => line.Kind == LineKind.ParenItem
        ? $"（{(value is >= 1 and <= ChineseNumerals.Max ? ChineseNumerals.Format(value) : value.ToString(System.Globalization.CultureInfo.InvariantCulture))}）"
        : value.ToString(System.Globalization.CultureInfo.InvariantCulture) + line.Label[^1];

    // A line that names responsible units: the plan proper has begun (the notice before it names none).
    [GeneratedRegex(@"(?:责任单位|牵头单位|配合单位|责任部门|牵头部门)\s*[:：]|负责\s*[)）〕]|牵头\s*[，,]")]
    internal static partial Regex UnitMention();
}
