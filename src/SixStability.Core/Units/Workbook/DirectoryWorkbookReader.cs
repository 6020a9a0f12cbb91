using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Core.Units.Workbook;

/// <summary>
/// Reads the directory workbook back: columns found by their header (any order, extra columns ignored), empty rows
/// skipped, numbers typed into a cell read as the digits shown. Every problem names the sheet and row.
/// </summary>
internal static partial class DirectoryWorkbookReader
{
    private const int MaxRows = 5000;

    public static (UnitDirectory? Directory, IReadOnlyList<FieldError> Errors) Read(byte[] content)
    {
        Dictionary<string, List<SheetRow>> sheets;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new DocumentFormat.OpenXml.Packaging.OpenSettings { MaxCharactersInPart = 20_000_000 });
            sheets = ReadSheets(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return (null, [new FieldError("file", "文件不是有效的 .xlsx 工作簿（可能已损坏，或是 .xls/.et 格式：请在 Excel 或 WPS 中另存为 .xlsx）。")]);
        }

        var errors = new List<FieldError>();
        List<SheetRow> unitRows = Sheet(sheets, DirectorySheets.Units, DirectorySheets.UnitColumns, ["编码", "简称", "类别", "邮箱", "分管市领导"], errors);
        List<SheetRow> leaderRows = Sheet(sheets, DirectorySheets.Leaders, DirectorySheets.LeaderColumns, ["编码", "姓名", "职务", "邮箱"], errors);
        List<SheetRow> groupRows = sheets.ContainsKey(DirectorySheets.Groups) ? Sheet(sheets, DirectorySheets.Groups, DirectorySheets.GroupColumns, ["名称", "成员单位"], errors) : [];
        List<SheetRow> officeRows = Sheet(sheets, DirectorySheets.Offices, DirectorySheets.OfficeColumns, ["角色", "名称", "邮箱"], errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Leader[] leaders = [.. leaderRows.Select(r => new Leader(r["编码"], r["姓名"], r["职务"], r["邮箱"], ChannelText.Parse(r["群机器人"], r.At("群机器人"), errors)))];
        Unit[] units = [.. unitRows.Select(r => ReadUnit(r, leaders, errors))];
        UnitGroup[] groups = [.. groupRows.Select(r => new UnitGroup(r["名称"], Members(r, units, errors), DirectorySheets.ListOf(r["其他写法"])))];
        (Contact? coordinator, Contact? supervision, Contact[] recipients) = ReadOffices(officeRows, errors);
        if (errors.Count > 0 || coordinator is null || supervision is null)
        {
            return (null, errors);
        }

        var directory = new UnitDirectory(coordinator, supervision, recipients, leaders, units, groups);
        IReadOnlyList<FieldError> invalid = DirectoryValidator.Validate(directory);
        return invalid.Count == 0
            ? (directory, invalid)
            : (null, [.. invalid.Select(e => e with { Field = WhereInSheets(e.Field, unitRows, leaderRows, groupRows) })]);
    }

    private static Unit ReadUnit(SheetRow row, Leader[] leaders, List<FieldError> errors)
    {
        UnitKind? kind = DirectorySheets.KindOf(row["类别"]);
        if (kind is null)
        {
            errors.Add(new(row.At("类别"), $"类别“{row["类别"]}”无效，应为 县市区政府、园区管委会 或 市直部门。"));
        }

        // 分管市领导 by name as people write it, or by the leader's code.
        string leader = row["分管市领导"];
        Leader[] named = [.. leaders.Where(l => l.Id == leader || l.Name == leader)];
        if (named.Length != 1)
        {
            errors.Add(new(row.At("分管市领导"), named.Length == 0 ? $"分管市领导“{leader}”不在“市领导”表中。" : $"“市领导”表中有多位“{leader}”，请写领导的编码。"));
        }

        string name = row["简称"];
        string full = row["名称"];
        return new Unit(
            row["编码"], name, kind ?? UnitKind.Department, row["邮箱"], named.Length == 1 ? named[0].Id : leader,
            DirectorySheets.ListOf(row["其他写法"]), full.Length == 0 ? null : full,
            ChannelText.Parse(row["群机器人"], row.At("群机器人"), errors), Optional(row["联系人"]), Optional(row["电话"]));
    }

    private static string[] Members(SheetRow row, Unit[] units, List<FieldError> errors)
    {
        var members = new List<string>();
        Unit? Find(string name) => units.FirstOrDefault(u => u.Id == name || u.Name == name || u.FullName == name);
        foreach (string item in DirectorySheets.ListOf(row["成员单位"]) ?? [])
        {
            // People also list members with 、 (市人社局、市教育局); a name that itself holds 、 is tried whole first.
            string[] names = Find(item) is not null ? [item] : item.Split(['、', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string name in names)
            {
                if (Find(name) is { } unit)
                {
                    members.Add(unit.Id);
                }
                else
                {
                    errors.Add(new(row.At("成员单位"), $"成员单位“{name}”不在“单位”表中。"));
                }
            }
        }

        return [.. members];
    }

    private static (Contact? Coordinator, Contact? Supervision, Contact[] Recipients) ReadOffices(List<SheetRow> rows, List<FieldError> errors)
    {
        Contact ContactOf(SheetRow r) => new(r["名称"], r["邮箱"], ChannelText.Parse(r["群机器人"], r.At("群机器人"), errors), Optional(r["联系人"]), Optional(r["电话"]));
        foreach (SheetRow row in rows.Where(r => r["角色"] is not (DirectorySheets.CoordinatorRole or DirectorySheets.SupervisionRole or DirectorySheets.RecipientRole)))
        {
            errors.Add(new(row.At("角色"), $"角色“{row["角色"]}”无效，应为 {DirectorySheets.CoordinatorRole}、{DirectorySheets.SupervisionRole} 或 {DirectorySheets.RecipientRole}。"));
        }

        Contact? One(string role)
        {
            SheetRow[] found = [.. rows.Where(r => r["角色"] == role)];
            if (found.Length != 1)
            {
                errors.Add(new(DirectorySheets.Offices, $"“{DirectorySheets.Offices}”表中应有且只有一行角色为“{role}”（现有 {found.Length} 行）。"));
                return null;
            }

            return ContactOf(found[0]);
        }

        return (One(DirectorySheets.CoordinatorRole), One(DirectorySheets.SupervisionRole), [.. rows.Where(r => r["角色"] == DirectorySheets.RecipientRole).Select(ContactOf)]);
    }

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    /// <summary>units[3].email → 单位!E5: where the coordinator finds it in the workbook.</summary>
    private static string WhereInSheets(string field, List<SheetRow> units, List<SheetRow> leaders, List<SheetRow> groups)
    {
        Match m = IndexedField().Match(field);
        if (!m.Success)
        {
            return field;
        }

        List<SheetRow> rows = m.Groups["list"].Value switch { "units" => units, "leaders" => leaders, _ => groups };
        int i = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
        return i < rows.Count ? rows[i].At(ColumnOf(m.Groups["list"].Value, m.Groups["field"].Value)) : field;
    }

    private static string ColumnOf(string list, string field) => (list, field) switch
    {
        ("units", "id") or ("leaders", "id") => "编码",
        ("units", "name") => "简称",
        ("units", "email") or ("leaders", "email") => "邮箱",
        ("units", "leader") => "分管市领导",
        ("units", "contactPerson") => "联系人",
        ("units", "phone") => "电话",
        ("units", "kind") => "类别",
        ("leaders", "name") => "姓名",
        ("leaders", "title") => "职务",
        ("groups", "name") => "名称",
        ("groups", "members") => "成员单位",
        (_, "channels") => "群机器人",
        _ => string.Empty,
    };

    private static List<SheetRow> Sheet(Dictionary<string, List<SheetRow>> sheets, string name, string[] columns, string[] required, List<FieldError> errors)
    {
        if (!sheets.TryGetValue(name, out List<SheetRow>? rows))
        {
            errors.Add(new(name, $"工作簿中没有名为“{name}”的工作表（可先下载当前名录，在其中修改）。"));
            return [];
        }

        if (rows.Count > MaxRows)
        {
            errors.Add(new(name, $"“{name}”表超过 {MaxRows} 行。"));
            return [];
        }

        string[] missing = [.. required.Where(c => rows.Count == 0 ? true : !rows[0].HasColumn(c))];
        if (rows.Count == 0 || missing.Length > 0)
        {
            errors.Add(new(name, $"“{name}”表的第一行应为列名，缺少：{string.Join("、", missing.Length > 0 ? missing : columns)}。"));
            return [];
        }

        foreach (SheetRow row in rows.Skip(1))
        {
            foreach (string column in required.Where(c => row[c].Length == 0))
            {
                errors.Add(new(row.At(column), $"“{column}”不能为空。"));
            }
        }

        return rows.Skip(1).ToList();
    }

    private static Dictionary<string, List<SheetRow>> ReadSheets(SpreadsheetDocument document)
    {
        WorkbookPart book = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        string[] shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheets = new Dictionary<string, List<SheetRow>>(StringComparer.Ordinal);
        foreach (Sheet sheet in book.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            var rows = new List<SheetRow>();
            Dictionary<string, string>? header = null;
            foreach (Row row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                Dictionary<string, string> cells = row.Elements<Cell>()
                    .Where(c => c.CellReference?.Value is not null)
                    .ToDictionary(c => ColumnLetters(c.CellReference!.Value!), c => CellText(c, shared).Trim(), StringComparer.Ordinal);
                if (cells.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                int number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                header ??= cells.Where(c => c.Value.Length > 0).GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
                rows.Add(new SheetRow(name, number, header, cells));
                if (rows.Count > MaxRows + 1)
                {
                    break;
                }
            }

            sheets[name] = rows;
        }

        return sheets;
    }

    private static string CellText(Cell cell, string[] shared)
    {
        string raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        // A phone typed as a number comes back as 13800000000, not 1.38E+10.
        return cell.DataType is null && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
            ? number.ToString("0.##########", CultureInfo.InvariantCulture)
            : raw;
    }

    private static string ColumnLetters(string reference) => string.Concat(reference.TakeWhile(char.IsAsciiLetter));

    [GeneratedRegex(@"^(?<list>units|leaders|groups)\[(?<i>\d+)\](\.(?<field>\w+))?")]
    private static partial Regex IndexedField();

    /// <summary>One row of a sheet, read by column name; its place (单位!E5) for messages.</summary>
    private sealed class SheetRow(string sheet, int number, Dictionary<string, string> header, Dictionary<string, string> cells)
    {
        public string this[string column] => header.TryGetValue(column, out string? letter) && cells.TryGetValue(letter, out string? value) ? value : string.Empty;

        public bool HasColumn(string column) => header.ContainsKey(column);

        public string At(string column) => header.TryGetValue(column, out string? letter) ? $"{sheet}!{letter}{number}" : $"{sheet}!第{number}行";
    }
}
