using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Integration.Tests.Support;

/// <summary>Plans as the Word files coordinators hold: one paragraph per line of text.</summary>
internal static class WordFiles
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (string text in paragraphs)
            {
                body.Append(new Paragraph(new Run(new Text(text))));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
