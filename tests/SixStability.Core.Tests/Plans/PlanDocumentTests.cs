using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using Cell = SixStability.Core.Tests.Plans.DocxFiles.Cell;

namespace SixStability.Core.Tests.Plans;

/// <summary>Plan files are told by their bytes and read, or refused with a message saying to save them as .docx.</summary>
public sealed class PlanDocumentTests
{
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    [Theory]
    [InlineData("方案.doc", "旧版 Word 文档（.doc）")]
    [InlineData("方案.wps", "WPS 文字文档（.wps）")]
    [InlineData("方案.docx", "旧版 Word（.doc）或 WPS（.wps）")]
    [InlineData(null, "旧版 Word（.doc）或 WPS（.wps）")]
    public void Doc_and_wps_files_are_refused_by_their_bytes_with_a_message_to_save_as_docx(string? fileName, string says)
    {
        PlanResult<PlanDocument> read = PlanDocument.Read(Ole, fileName, "application/msword");

        read.Refusal!.Reason.Should().Be(PlanRefusalReason.UnsupportedFileType);
        read.Refusal.Message.Should().Contain(says).And.Contain("另存为").And.Contain(".docx");
    }

    [Fact]
    public void A_PDF_is_refused_even_when_named_as_text()
    {
        PlanResult<PlanDocument> read = PlanDocument.Read("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8, "方案.txt", "text/plain");

        read.Refusal!.Reason.Should().Be(PlanRefusalReason.UnsupportedFileType);
        read.Refusal.Message.Should().StartWith("这是 PDF 文件").And.Contain(".docx");
    }

    [Theory]
    [InlineData("xl/workbook.xml", "表格文件")]
    [InlineData("OFD.xml", "OFD 版式文件")]
    [InlineData("readme.txt", "压缩包")]
    public void Zip_packages_that_are_not_Word_documents_are_refused_for_what_they_are(string entry, string says)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }

        PlanDocument.Read(stream.ToArray(), "方案.zip", null).Refusal!.Message.Should().Contain(says);
    }

    [Fact]
    public void A_scanned_image_is_refused()
    {
        PlanDocument.Read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "方案.png", "image/png").Refusal!.Message.Should().StartWith("这是图片");
    }

    [Fact]
    public void A_damaged_docx_is_refused_as_damaged()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<not-word>");
        }

        PlanResult<PlanDocument> read = PlanDocument.Read(stream.ToArray(), "方案.docx", null);

        read.Refusal!.Reason.Should().Be(PlanRefusalReason.DamagedFile);
        read.Refusal.Message.Should().Contain("已损坏");
    }

    [Fact]
    public void Text_that_is_neither_UTF8_nor_GB18030_is_refused_rather_than_shown_as_mojibake()
    {
        PlanResult<PlanDocument> read = PlanDocument.Read([0x41, 0xFF, 0x42, 0xFF], "方案.txt", null);

        read.Refusal!.Reason.Should().Be(PlanRefusalReason.UnreadableText);
        read.Refusal.Message.Should().Contain("UTF-8").And.Contain("GB18030");
    }

    [Fact]
    public void Empty_files_binary_text_and_oversized_files_are_refused()
    {
        PlanDocument.Read([], "方案.txt", null).Refusal!.Reason.Should().Be(PlanRefusalReason.Empty);
        PlanDocument.Read("二、保就业\0\0"u8, "方案.txt", null).Refusal!.Message.Should().Contain("二进制");
        PlanDocument.Read(new byte[PlanDocument.MaxBytes + 1], "方案.txt", null).Refusal!.Reason.Should().Be(PlanRefusalReason.TooLarge);
    }

    [Fact]
    public void UTF16_text_saved_by_Notepad_as_Unicode_is_read()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("某市方案\n二、保就业")];

        PlanDocument.Read(bytes, "方案.txt", null).Value!.Paragraphs.Select(p => p.Text).Should().Equal("某市方案", "二、保就业");
    }

    [Fact]
    public void A_docx_table_keeps_its_grid_and_gives_a_vertically_merged_cell_text_to_every_row_it_spans()
    {
        byte[] docx = DocxFiles.WithTable(["任务分工表"],
        [
            [new Cell("序号"), new Cell("重点任务"), new Cell("牵头单位")],
            [new Cell("一、稳就业", Span: 3)],
            [new Cell("1"), new Cell("稳岗位", Merge: MergedCellValues.Restart), new Cell("市人社局")],
            [new Cell("2"), new Cell(string.Empty, Merge: MergedCellValues.Continue), new Cell("市财政局")],
        ]);

        PlanTable table = PlanDocument.Read(docx, "表.docx", null).Value!.Tables.Single();

        table.Rows[1].Cells.Should().ContainSingle().Which.Should().Be(new PlanTableCell(0, 3, "一、稳就业"));
        table.Rows[3].At(1).Should().Be(new PlanTableCell(1, 1, "稳岗位", MergedFromAbove: true));
        table.Rows[3].At(2)!.Text.Should().Be("市财政局");
        table.Rows.Select(r => r.Number).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void Tracked_deletions_are_left_out_and_insertions_kept()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(
                new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("（责任单位：市人社局、")),
                new DeletedRun(new Run(new DeletedText("市教育局、"))),
                new InsertedRun(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("市财政局"))),
                new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("）")))));
        }

        PlanDocument.Read(stream.ToArray(), "修订.docx", null).Value!.Paragraphs.Single().Text.Should().Be("（责任单位：市人社局、市财政局）");
    }

    [Fact]
    public void Multilevel_Word_numbering_restarts_the_lower_level_under_each_heading()
    {
        byte[] docx = DocxFiles.Numbered(
            [("保就业", 1, 0), ("稳岗位。", 1, 1), ("扩就业。", 1, 1), ("保民生", 1, 0), ("兜底线。", 1, 1)],
            [(1, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])]);

        PlanDocument.Read(docx, "方案.docx", null).Value!.Paragraphs.Select(p => p.Text)
            .Should().Equal("一、保就业", "（一）稳岗位。", "（二）扩就业。", "二、保民生", "（一）兜底线。");
    }

    [Theory]
    [InlineData(11, "chineseCounting", "十一")]
    [InlineData(120, "chineseCountingThousand", "一百二十")]
    [InlineData(3, "decimalEnclosedCircle", "③")]
    [InlineData(2, "ideographTraditional", "乙")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(28, "lowerLetter", "bb")]
    [InlineData(7, "decimal", "7")]
    public void Word_number_formats_are_written_as_Word_shows_them(int value, string format, string shown)
    {
        DocxNumbering.Format(value, format).Should().Be(shown);
    }
}
