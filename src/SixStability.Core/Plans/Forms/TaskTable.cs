using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans.Forms;

/// <summary>
/// Reads a Word table of tasks (任务分工表): the header names the columns — 序号, 重点任务/重点工作,
/// 具体措施, 牵头单位, 配合单位 (or one 责任单位 column, first named leads), 完成时限 — in whatever words and
/// order; a row without units that spans the table (or is numbered 一、) opens a section, one numbered （一）
/// is a group heading, every other row is an item. Merged cells give their text to each row they cover.
/// </summary>
internal static partial class TaskTable
{
    private const int HeaderRowsToScan = 3;

    /// <summary>Reads the table's items; false when it is not a task table (no unit column).</summary>
    public static bool TryRead(PlanTable table, ITableSink sink, int? planYear, List<PlanWarning> warnings)
    {
        int columns = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Column + c.Span));
        var map = new Column[columns];
        int headerRows = 0;
        for (int r = 0; r < Math.Min(HeaderRowsToScan, table.Rows.Count); r++)
        {
            var kinds = table.Rows[r].Cells.Select(c => (Cell: c, Kind: Classify(c.Text))).ToList();
            // A header names at least two columns, one of them for units; a second header row (牵头单位 |
            // 配合单位 under 责任单位) names unit columns too, and neither holds a row number or a sentence.
            bool header = kinds.Count(k => k.Kind != Column.None) >= (headerRows == 0 ? 2 : 1)
                && kinds.Any(k => k.Kind is Column.Lead or Column.Partner or Column.Units)
                && !kinds.Any(k => k.Cell.Text.Length > 20 || k.Cell.Text.Trim().All(char.IsAsciiDigit) && k.Cell.Text.Trim().Length > 0);
            if (!header)
            {
                if (headerRows > 0)
                {
                    break;
                }

                continue;
            }

            headerRows = r + 1;
            foreach ((PlanTableCell cell, Column kind) in kinds.Where(k => k.Kind != Column.None))
            {
                for (int c = cell.Column; c < Math.Min(columns, cell.Column + cell.Span); c++)
                {
                    map[c] = kind;
                }
            }
        }

        bool hasLead = map.Contains(Column.Lead);
        if (headerRows == 0 || !(hasLead || map.Contains(Column.Units)) || !(map.Contains(Column.Task) || map.Contains(Column.Measures)))
        {
            if (table.Rows.Count > 1)
            {
                warnings.Add(new PlanWarning(0, "未识别为任务分工表（表头中没有“牵头单位”或“责任单位”列），已略过。", table.Number, 1));
            }

            return false;
        }

        int tableSections = 0;
        for (int r = headerRows; r < table.Rows.Count; r++)
        {
            PlanTableRow row = table.Rows[r];
            PlanTableRow? next = r + 1 < table.Rows.Count ? table.Rows[r + 1] : null;
            string Text(Column kind) => string.Join("\n", Enumerable.Range(0, columns).Where(c => map[c] == kind).Select(c => row.At(c)?.Text ?? string.Empty).Where(t => t.Length > 0));

            if (row.Cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            // The 序号 cell counts only when it is its own column (a section title may span 序号 and 重点工作).
            int numberColumn = Array.IndexOf(map, Column.Number);
            PlanTableCell? numberCell = numberColumn >= 0 && row.At(numberColumn) is { } nc && Enumerable.Range(nc.Column, nc.Span).All(i => i >= columns || map[i] is Column.Number or Column.None) ? nc : null;
            string number = PlanLine.Clean(numberCell?.Text ?? string.Empty);
            string lead = Text(Column.Lead);
            string partner = Text(Column.Partner);
            string units = Text(Column.Units);
            var texts = row.Cells.Where(c => c != numberCell && c.Text.Trim().Length > 0).ToList();
            string firstText = texts.Select(c => c.Text.Trim()).FirstOrDefault() ?? string.Empty;
            bool spansUnits = row.Cells.Any(c => c.Span > 1 && Enumerable.Range(c.Column, c.Span).Any(i => i < columns && map[i] is Column.Lead or Column.Units)
                && Enumerable.Range(c.Column, c.Span).Any(i => i < columns && map[i] is Column.Task or Column.Measures or Column.Number));
            var location = new PlanLocation(0, table.Number, row.Number);

            if (!spansUnits && (lead.Length > 0 || partner.Length > 0 || units.Length > 0))
            {
                ReadTask(row, next, map, number, Text(Column.Task), Text(Column.Measures), lead, partner, units, Text(Column.Deadline), location, sink, planYear, warnings);
                continue;
            }

            Match heading = SectionPrefix().Match(number.Length > 0 ? number : firstText);
            if (heading.Success && ChineseNumerals.TryParse(heading.Groups["n"].Value, out int sectionNumber))
            {
                string title = number.Length > 0 ? firstText : SectionPrefix().Replace(firstText, string.Empty);
                tableSections = sectionNumber;
                sink.AddSection(sectionNumber, Title(title), sink.NextPosition());
                continue;
            }

            if (GroupPrefix().IsMatch(number.Length > 0 ? number : firstText))
            {
                continue; // （一）加强战略科技力量建设。— a heading over the rows that follow.
            }

            if (number.Length == 0 && (texts.Count == 1 || spansUnits || (texts.Count > 0 && texts[0].Span > 1)))
            {
                // A title alone on its row, or across the table: a section (numbered by its place when it has no 一、).
                tableSections++;
                sink.AddSection(tableSections, Title(firstText), sink.NextPosition());
                continue;
            }

            ReadTask(row, next, map, number, Text(Column.Task), Text(Column.Measures), string.Empty, string.Empty, string.Empty, Text(Column.Deadline), location, sink, planYear, warnings);
        }

        return true;
    }

    private static void ReadTask(
        PlanTableRow row, PlanTableRow? next, Column[] map, string number, string task, string measures, string lead, string partner, string units,
        string deadline, PlanLocation location, ITableSink sink, int? planYear, List<PlanWarning> warnings)
    {
        int taskColumn = Array.IndexOf(map, Column.Task);
        bool taskShared = taskColumn >= 0 && ((row.At(taskColumn)?.MergedFromAbove ?? false) || (next?.At(taskColumn)?.MergedFromAbove ?? false));
        (string title, string text, bool whole) = measures.Length > 0 && (task.Length == 0 || taskShared)
            ? ItemReader.SplitTitle(measures)
            : ItemReader.SplitTitle(task);
        if (measures.Length > 0 && !(task.Length == 0 || taskShared))
        {
            text = text.Length > 0 ? text + "\n" + measures : measures;
        }

        UnitAssignment assignment = UnitAssignment.None;
        if (lead.Length > 0 || partner.Length > 0)
        {
            assignment = UnitClause.Parse($"牵头单位：{lead}；配合单位：{partner}", bare: false, out _) ?? UnitAssignment.None;
        }
        else if (units.Length > 0)
        {
            // A 责任单位 cell may itself say who leads (A牵头，B配合) or be a plain list (first named leads).
            assignment = UnitClause.Parse(units, bare: true, out _) ?? UnitClause.Parse("责任单位：" + units, bare: false, out _) ?? UnitAssignment.None;
        }

        string label = number.Length > 0 ? number : string.Empty;
        sink.AddItem(ItemReader.Complete(sink.NextPosition(), sink.CurrentSection, label, title, text, whole, assignment, deadline.Length > 0 ? [deadline] : [], location, planYear, warnings));
    }

    private static string Title(string text) => text.Trim().TrimEnd('。', '；', ';', '：', ':').Trim();

    /// <summary>What a header cell names; its words vary (重点工作, 工作任务, 责任部门 …) and may wrap (市政府\n分管领导).</summary>
    private static Column Classify(string header)
    {
        string h = Whitespace().Replace(header, string.Empty);
        if (h.Length is 0 or > 12)
        {
            return Column.None;
        }

        return h switch
        {
            _ when h is "序号" or "编号" or "序" => Column.Number,
            _ when h.Contains("领导", StringComparison.Ordinal) || h == "责任人" => Column.Leader,
            _ when h.Contains("牵头", StringComparison.Ordinal) || h == "主要责任单位" => Column.Lead,
            _ when h.Contains("配合", StringComparison.Ordinal) || h.Contains("协同", StringComparison.Ordinal) || h.Contains("协办", StringComparison.Ordinal) || h.Contains("参与", StringComparison.Ordinal) => Column.Partner,
            _ when h.Contains("责任单位", StringComparison.Ordinal) || h.Contains("责任部门", StringComparison.Ordinal) || h is "承办单位" or "实施单位" => Column.Units,
            _ when h.Contains("时限", StringComparison.Ordinal) || h.Contains("时间", StringComparison.Ordinal) || h.Contains("节点", StringComparison.Ordinal) => Column.Deadline,
            _ when h.Contains("措施", StringComparison.Ordinal) || h.Contains("内容", StringComparison.Ordinal) || h.Contains("目标", StringComparison.Ordinal) => Column.Measures,
            _ when h.Contains("任务", StringComparison.Ordinal) || h.Contains("工作", StringComparison.Ordinal) || h.Contains("事项", StringComparison.Ordinal) => Column.Task,
            _ when h == "备注" => Column.Note,
            _ => Column.None,
        };
    }

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})(?:\s*[、.．]|$)")]
    private static partial Regex SectionPrefix();

    [GeneratedRegex(@"^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]")]
    private static partial Regex GroupPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private enum Column
    {
        None,
        Number,
        Task,
        Measures,
        Lead,
        Partner,
        Units,
        Deadline,
        Leader,
        Note,
    }
}
