using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Core.Plans.Documents;

/// <summary>
/// Reads a .docx into paragraphs and tables, in body order. Word's automatic numbering is written out as
/// the reader sees it (（一）, 1.), tracked deletions are left out and insertions kept, text boxes and
/// pictures are skipped; a table keeps its grid (gridSpan) and a vertically merged cell (vMerge) gives its
/// text to every row it spans.
/// </summary>
internal static class DocxReader
{
    private const string Damaged = "无法打开 Word 文档：文件已损坏或不是有效的 .docx。请在 Word 或 WPS 中打开后重新“另存为”.docx 再上传。";

    public static PlanResult<PlanDocument> Read(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = 50_000_000 });
            Body? body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.DamagedFile, Damaged);
            }

            var numbering = new DocxNumbering(document.MainDocumentPart!);
            var reader = new BodyReader(numbering);
            reader.ReadBlocks(body.ChildElements);
            return reader.Blocks.Count == 0
                ? PlanResult.Refuse<PlanDocument>(PlanRefusalReason.Empty, "Word 文档中没有文字内容。")
                : PlanResult.Ok(new PlanDocument(PlanFileKind.Docx, reader.Blocks));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.DamagedFile, Damaged);
        }
    }

    private sealed class BodyReader(DocxNumbering numbering)
    {
        private int line;
        private int tables;

        public List<PlanBlock> Blocks { get; } = [];

        public void ReadBlocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (OpenXmlElement element in elements)
            {
                switch (element)
                {
                    case Paragraph p:
                        line++;
                        string text = ParagraphText(p);
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            Blocks.Add(new PlanParagraph(line, text));
                        }

                        break;
                    case Table t:
                        Blocks.Add(ReadTable(t));
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is not null:
                        ReadBlocks(sdt.SdtContentBlock.ChildElements);
                        break;
                    case CustomXmlBlock custom:
                        ReadBlocks(custom.ChildElements);
                        break;
                    default:
                        break;
                }
            }
        }

        private PlanTable ReadTable(Table table)
        {
            int number = ++tables;
            var rows = new List<PlanTableRow>();
            var above = new Dictionary<int, string>();
            foreach (TableRow tr in table.Elements<TableRow>())
            {
                int column = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                var cells = new List<PlanTableCell>();
                foreach (TableCell tc in tr.Elements<TableCell>())
                {
                    int span = Math.Max(1, tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                    VerticalMerge? merge = tc.TableCellProperties?.VerticalMerge;
                    bool continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                    string text = string.Join("\n", tc.Elements<Paragraph>().Select(ParagraphText).Where(s => s.Length > 0));
                    if (continues && above.TryGetValue(column, out string? merged))
                    {
                        text = merged;
                    }

                    cells.Add(new PlanTableCell(column, span, text, continues));
                    above[column] = text;
                    column += span;
                }

                rows.Add(new PlanTableRow(rows.Count + 1, cells));
            }

            return new PlanTable(number, rows);
        }

        private string ParagraphText(Paragraph paragraph)
        {
            var sb = new StringBuilder();
            sb.Append(numbering.Label(paragraph));
            AppendRuns(paragraph.ChildElements, sb);
            return sb.ToString().Trim().Trim('\u3000').Trim();
        }

        private static void AppendRuns(IEnumerable<OpenXmlElement> elements, StringBuilder sb)
        {
            foreach (OpenXmlElement element in elements)
            {
                switch (element)
                {
                    case Run run:
                        AppendRunContent(run, sb);
                        break;
                    case DeletedRun or ParagraphProperties or BookmarkStart or BookmarkEnd:
                        break;
                    case Hyperlink or InsertedRun or SimpleField or CustomXmlRun or SdtRun or SdtContentRun:
                        AppendRuns(element.ChildElements, sb);
                        break;
                    default:
                        break;
                }
            }
        }

        private static void AppendRunContent(Run run, StringBuilder sb)
        {
            foreach (OpenXmlElement child in run.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t:
                        sb.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        sb.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        sb.Append('\n');
                        break;
                    case NoBreakHyphen:
                        sb.Append('-');
                        break;
                    default:
                        break; // drawings, text boxes, field codes, deleted text
                }
            }
        }
    }
}
