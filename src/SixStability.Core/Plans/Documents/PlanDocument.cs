namespace SixStability.Core.Plans.Documents;

/// <summary>
/// A plan file read into what the importer needs: paragraphs with their line numbers and tables with their
/// row numbers, in document order. Text files give one paragraph per line; a .docx gives one per Word
/// paragraph (numbered as Word would save it to text), with automatic numbering (（一）, 1.) written out.
/// </summary>
public sealed record PlanDocument(PlanFileKind Kind, IReadOnlyList<PlanBlock> Blocks)
{
    /// <summary>Plans are a few dozen KB of text; a Word file with pictures a few MB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Reads a plan file: plain text (UTF-8 with or without BOM, or GB18030/GBK, detected) or .docx. The file
    /// type is told by its first bytes, then by its name and content type; .doc, .wps, PDF, OFD, spreadsheets
    /// and images are refused with a message saying to save the plan as .docx.
    /// </summary>
    public static PlanResult<PlanDocument> Read(ReadOnlySpan<byte> content, string? fileName = null, string? contentType = null) =>
        PlanFileReader.Read(content, fileName, contentType);

    /// <summary>A text already decoded (an API body, a test): one paragraph per line, numbered from 1.</summary>
    public static PlanDocument FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<PlanBlock>();
        int line = 0;
        foreach (string raw in text.Split('\n'))
        {
            line++;
            string trimmed = raw.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(trimmed))
            {
                blocks.Add(new PlanParagraph(line, trimmed));
            }
        }

        return new PlanDocument(PlanFileKind.Text, blocks);
    }

    public IEnumerable<PlanParagraph> Paragraphs => Blocks.OfType<PlanParagraph>();

    public IEnumerable<PlanTable> Tables => Blocks.OfType<PlanTable>();
}
