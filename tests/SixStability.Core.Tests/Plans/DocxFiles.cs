using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Core.Tests.Plans;

/// <summary>Builds real .docx files in memory with OpenXml, as Word would save them, for the reader's tests.</summary>
internal static class DocxFiles
{
    /// <summary>One Word paragraph per text.</summary>
    public static byte[] Paragraphs(IEnumerable<string> paragraphs) => Build(body =>
    {
        foreach (string text in paragraphs)
        {
            body.Append(Paragraph(text));
        }
    });

    /// <summary>Paragraphs, some numbered by Word (numId, level) instead of by their text.</summary>
    public static byte[] Numbered(IEnumerable<(string Text, int NumId, int Level)> paragraphs, params (int NumId, string Format, string LevelText)[] lists) =>
        Numbered(paragraphs, lists.Select(l => (l.NumId, new[] { (l.Format, l.LevelText) })).ToArray());

    /// <summary>Paragraphs numbered by multi-level lists: each list's levels as (number format, level text).</summary>
    public static byte[] Numbered(IEnumerable<(string Text, int NumId, int Level)> paragraphs, (int NumId, (string Format, string LevelText)[] Levels)[] lists) => Build(
        body =>
        {
            foreach ((string text, int numId, int level) in paragraphs)
            {
                Paragraph p = Paragraph(text);
                if (numId > 0)
                {
                    p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })));
                }

                body.Append(p);
            }
        },
        main =>
        {
            var numbering = new Numbering();
            foreach ((int numId, (string Format, string LevelText)[] levels) in lists)
            {
                numbering.Append(new AbstractNum(levels.Select((l, i) => new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(l.Format)) },
                        new LevelText { Val = l.LevelText })
                { LevelIndex = i }))
                { AbstractNumberId = numId });
            }

            foreach ((int numId, _) in lists)
            {
                numbering.Append(new NumberingInstance(new AbstractNumId { Val = numId }) { NumberID = numId });
            }

            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
        });

    /// <summary>Paragraphs, then a table: each row a list of cells (text, grid span, vertical merge).</summary>
    public static byte[] WithTable(IEnumerable<string> before, IEnumerable<IEnumerable<Cell>> rows) => Build(body =>
    {
        foreach (string text in before)
        {
            body.Append(Paragraph(text));
        }

        var table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
        foreach (IEnumerable<Cell> row in rows)
        {
            var tr = new TableRow();
            foreach (Cell cell in row)
            {
                var props = new TableCellProperties();
                if (cell.Span > 1)
                {
                    props.Append(new GridSpan { Val = cell.Span });
                }

                if (cell.Merge is MergedCellValues merge)
                {
                    props.Append(new VerticalMerge { Val = merge == MergedCellValues.Restart ? MergedCellValues.Restart : null });
                }

                var tc = new TableCell(props);
                foreach (string line in cell.Text.Split('\n'))
                {
                    tc.Append(Paragraph(line));
                }

                tr.Append(tc);
            }

            table.Append(tr);
        }

        body.Append(table);
        body.Append(new Paragraph());
    });

    public static Paragraph Paragraph(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static byte[] Build(Action<Body> fill, Action<MainDocumentPart>? parts = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            parts?.Invoke(main);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <param name="Merge">Restart or Continue for a vertically merged cell; null for none.</param>
    public sealed record Cell(string Text, int Span = 1, MergedCellValues? Merge = null);
}
