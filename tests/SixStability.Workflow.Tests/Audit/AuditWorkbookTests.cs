using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;

namespace SixStability.Workflow.Tests.Audit;

public sealed class AuditWorkbookTests
{
    [Fact]
    public void The_export_is_a_workbook_with_a_heading_row_and_one_row_per_action_in_Beijing_time_formulas_kept_as_text()
    {
        AuditEntry[] entries =
        [
            new(new DateTimeOffset(2020, 10, 15, 1, 30, 0, TimeSpan.Zero), "coordinator", "市发改委", "协调员", ActorKind.Person, AuditAction.ReturnSubmission, "jingdezhen-2020Q3", "rsj 任务1", "r3", "r4", "=HYPERLINK(\"http://evil\")\u0001\uD800", "127.0.0.1"),
            new(new DateTimeOffset(2020, 10, 14, 2, 0, 0, TimeSpan.Zero), Actor.KeyId, "管理员密钥", "协调员", ActorKind.Key, AuditAction.ImportPlan, null, "jingdezhen", "第 1 版", "第 2 版", null, "198.51.100.4"),
        ];

        byte[] file = AuditWorkbook.Write(entries);

        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        WorkbookPart workbook = document.WorkbookPart!;
        workbook.Workbook.Descendants<Sheet>().Single().Name!.Value.Should().Be("审计记录");
        Row[] rows = [.. workbook.WorksheetParts.Single().Worksheet.Descendants<Row>()];
        string[][] cells = [.. rows.Select(r => r.Elements<Cell>().Select(c => c.InlineString!.InnerText).ToArray())];
        rows.Should().HaveCount(3);
        cells[0][0].Should().Be("时间（北京时间）");
        cells[1].Take(8).Should().Equal("2020-10-15 09:30:00", "市发改委", "coordinator", "协调员", "登录", "退回", "jingdezhen-2020Q3", "rsj 任务1");
        cells[1][10].Should().Be("=HYPERLINK(\"http://evil\")", "characters XML cannot hold are dropped, and a formula stays text");
        rows[1].Elements<Cell>().Should().OnlyContain(c => c.CellFormula == null && c.DataType! == CellValues.InlineString);
        cells[2][4].Should().Be("管理员密钥");
        cells[2][5].Should().Be("导入方案");
    }
}
