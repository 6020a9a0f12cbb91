using System.Text;
using System.Text.Json;
using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;

namespace SixStability.Core.Tests.Plans;

/// <summary>The seed plan in the files people hold — GBK text, UTF-8 with a BOM, Word — imports to the same catalog.</summary>
public sealed class SeedFileTests
{
    private static readonly string SeedText = Samples.Read("jingdezhen.txt");

    private static readonly string Expected = Json(PlanImporter.Import("jingdezhen", SeedText).Catalog);

    [Fact]
    public void A_GBK_encoded_copy_of_the_seed_imports_to_the_same_catalog()
    {
        Encoding gbk = CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        byte[] bytes = gbk.GetBytes(SeedText);
        bytes.Should().NotEqual(Encoding.UTF8.GetBytes(SeedText), "the copy is really GBK");

        PlanCatalog catalog = Import(bytes, "jingdezhen.txt", "text/plain; charset=utf-8");

        Json(catalog).Should().Be(Expected, "the declared charset is wrong, the bytes decide");
    }

    [Fact]
    public void A_UTF8_copy_with_a_byte_order_mark_and_CRLF_line_ends_imports_to_the_same_catalog()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(SeedText.Replace("\n", "\r\n", StringComparison.Ordinal))];

        Json(Import(bytes, "jingdezhen.txt", null)).Should().Be(Expected);
    }

    [Fact]
    public void A_docx_holding_the_seed_as_paragraphs_imports_to_the_same_catalog_with_the_same_line_numbers()
    {
        string[] lines = SeedText.Split('\n');
        byte[] docx = DocxFiles.Paragraphs(lines);

        PlanResult<PlanDocument> read = PlanDocument.Read(docx, "jingdezhen.docx", null);

        read.Value!.Kind.Should().Be(PlanFileKind.Docx);
        read.Value.Paragraphs.Select(p => p.Line).Should().Equal(PlanDocument.FromText(SeedText).Paragraphs.Select(p => p.Line));
        Json(PlanImporter.Import("jingdezhen", read.Value).Catalog).Should().Be(Expected);
    }

    [Fact]
    public void A_docx_whose_section_and_task_numbers_are_Word_automatic_numbering_imports_to_the_same_catalog()
    {
        // 一、 from a chineseCounting list "%1、"; （一） … （二十二） from a second list "（%1）" running on across sections.
        var paragraphs = SeedText.Split('\n').Select(line =>
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^[一二三四五六七八]、(.+)$") is { Success: true } section)
            {
                return (section.Groups[1].Value, 1, 0);
            }

            return System.Text.RegularExpressions.Regex.Match(line, @"^\([一二三四五六七八九十]+\)(.+)$") is { Success: true } task
                ? (task.Groups[1].Value, 2, 0)
                : (line, 0, 0);
        }).ToList();
        paragraphs.Count(p => p.Item2 == 2).Should().Be(22, "every task's number is left to Word");

        byte[] docx = DocxFiles.Numbered(paragraphs, (1, "chineseCounting", "%1、"), (2, "chineseCounting", "（%1）"));

        Json(Import(docx, "jingdezhen.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).Should().Be(Expected);
    }

    private static PlanCatalog Import(byte[] bytes, string fileName, string? contentType)
    {
        PlanResult<PlanDocument> read = PlanDocument.Read(bytes, fileName, contentType);
        read.Refusal.Should().BeNull();
        return PlanImporter.Import("jingdezhen", read.Value!).Catalog;
    }

    private static string Json(PlanCatalog catalog) => JsonSerializer.Serialize(catalog, SixStability.Core.Text.Json.Indented);
}
