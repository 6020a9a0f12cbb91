using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Core.Units;
using SixStability.Core.Units.Workbook;

namespace SixStability.Core.Tests.Units;

public sealed class DirectoryWorkbookTests
{
    private static UnitDirectory Sample => UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;

    [Fact]
    public void The_sample_directory_round_trips_through_xlsx_to_the_same_JSON()
    {
        UnitDirectory original = Sample with
        {
            Coordinator = Sample.Coordinator with { Person = "陈静", Phone = "0798-8222333" },
            Units = [.. Sample.Units.Select((u, i) => i == 0 ? u with { ContactPerson = "刘洋", Phone = "13800000000", Aliases = ["人社局", "市人力资源社会保障局"] } : u)],
        };

        (UnitDirectory? read, IReadOnlyList<FieldError> errors) = DirectoryWorkbook.Read(DirectoryWorkbook.Write(original));

        errors.Should().BeEmpty();
        JsonSerializer.Serialize(read, Json.Indented).Should().Be(JsonSerializer.Serialize(original, Json.Indented));
    }

    [Fact]
    public void A_unit_row_reads_as_the_coordinator_wrote_it_whatever_the_column_order_and_a_phone_typed_as_a_number()
    {
        byte[] book = Edit(DirectoryWorkbook.Write(Sample), sheets =>
        {
            SheetData units = sheets["单位"];
            Row first = units.Elements<Row>().ElementAt(1);
            Set(first, "G", 13912345678m); // 电话 as Excel stores a typed number
            Set(first, "F", "刘洋");
        });

        (UnitDirectory? read, IReadOnlyList<FieldError> errors) = DirectoryWorkbook.Read(book);

        errors.Should().BeEmpty();
        read!.Units[0].Should().Match<Unit>(u => u.Phone == "13912345678" && u.ContactPerson == "刘洋" && u.Id == "rsj");
        read.Units[0].FullName.Should().Be("景德镇市人力资源和社会保障局");
        read.Groups.Should().HaveCount(Sample.Groups.Count);
    }

    [Fact]
    public void A_leader_is_found_by_name_and_a_wrong_kind_or_unknown_leader_names_the_cell()
    {
        byte[] book = Edit(DirectoryWorkbook.Write(Sample), sheets =>
        {
            Row second = sheets["单位"].Elements<Row>().ElementAt(2);
            Set(second, "D", "事业单位");
            Set(second, "H", "孙悟空");
        });

        (UnitDirectory? read, IReadOnlyList<FieldError> errors) = DirectoryWorkbook.Read(book);

        read.Should().BeNull();
        errors.Should().Contain(e => e.Field == "单位!D3" && e.Message.Contains("事业单位", StringComparison.Ordinal))
            .And.Contain(e => e.Field == "单位!H3" && e.Message.Contains("孙悟空", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_email_is_reported_at_its_cell_not_as_a_JSON_path()
    {
        byte[] book = Edit(DirectoryWorkbook.Write(Sample), sheets => Set(sheets["单位"].Elements<Row>().ElementAt(5), "E", "不是邮箱"));

        (UnitDirectory? read, IReadOnlyList<FieldError> errors) = DirectoryWorkbook.Read(book);

        read.Should().BeNull();
        errors.Should().ContainSingle().Which.Field.Should().Be("单位!E6");
    }

    [Fact]
    public void A_workbook_without_the_unit_sheet_or_a_file_that_is_not_xlsx_is_refused_with_a_plain_message()
    {
        byte[] withoutUnits = Edit(DirectoryWorkbook.Write(Sample), sheets => sheets["单位"].RemoveAllChildren<Row>());

        (UnitDirectory? empty, IReadOnlyList<FieldError> emptyErrors) = DirectoryWorkbook.Read(withoutUnits);
        (UnitDirectory? garbage, IReadOnlyList<FieldError> garbageErrors) = DirectoryWorkbook.Read("PK\u0003\u0004 not really"u8.ToArray());

        empty.Should().BeNull();
        emptyErrors.Should().ContainSingle().Which.Message.Should().Contain("第一行应为列名");
        garbage.Should().BeNull();
        garbageErrors.Should().ContainSingle().Which.Message.Should().Contain("另存为 .xlsx");
    }

    [Fact]
    public void Group_members_typed_with_a_Chinese_list_comma_are_read_as_units()
    {
        byte[] book = Edit(DirectoryWorkbook.Write(Sample), sheets => Set(sheets["单位组"].Elements<Row>().ElementAt(1), "B", "浮梁县政府、乐平市政府；珠山区政府"));

        (UnitDirectory? read, IReadOnlyList<FieldError> errors) = DirectoryWorkbook.Read(book);

        errors.Should().BeEmpty();
        read!.Groups[0].Members.Should().Equal("flx", "lps", "zsq");
    }

    [Theory]
    [InlineData("企业微信:counties @13800000001", ChannelKind.WeCom, "counties", "13800000001")]
    [InlineData("dingtalk：fgw", ChannelKind.DingTalk, "fgw", null)]
    [InlineData("浙政钉:office ＠13900000002", ChannelKind.DingTalk, "office", "13900000002")]
    public void A_robot_cell_reads_the_ways_people_type_it(string text, ChannelKind kind, string robot, string? mobile)
    {
        var errors = new List<FieldError>();

        IReadOnlyList<ChannelAddress>? channels = ChannelText.Parse(text, "单位!J2", errors);

        errors.Should().BeEmpty();
        channels.Should().ContainSingle().Which.Should().Match<ChannelAddress>(c => c.Kind == kind && c.Robot == robot && (mobile == null ? c.Mobiles == null : c.Mobiles!.Single() == mobile));
    }

    [Fact]
    public void A_robot_cell_without_a_kind_is_an_error_at_that_cell()
    {
        var errors = new List<FieldError>();

        ChannelText.Parse("counties", "单位!J2", errors);

        errors.Should().ContainSingle().Which.Field.Should().Be("单位!J2");
    }

    private static byte[] Edit(byte[] workbook, Action<Dictionary<string, SheetData>> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            WorkbookPart book = document.WorkbookPart!;
            edit(book.Workbook!.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => ((WorksheetPart)book.GetPartById(s.Id!.Value!)).Worksheet!.GetFirstChild<SheetData>()!));
        }

        return stream.ToArray();
    }

    private static void Set(Row row, string column, string text) =>
        Cell(row, column).InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));

    private static void Set(Row row, string column, decimal number)
    {
        Cell cell = Cell(row, column);
        cell.DataType = null;
        cell.InlineString = null;
        cell.CellValue = new CellValue(number);
    }

    private static Cell Cell(Row row, string column) => row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(c.CellReference.Value[column.Length]));
}
