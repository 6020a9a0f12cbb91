using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Workflow.Reports;

// Paragraphs and runs in the 公文 fonts: 仿宋 body, 黑体 and 楷体 headings, 小标宋 title.
public static partial class SummaryDocx
{
    private static Paragraph Para(
        string text,
        string font,
        int halfPoints,
        JustificationValues? align = null,
        bool indent = false,
        string? leadIn = null,
        int leftChars = 0,
        int rightChars = 0,
        bool keepNext = false,
        bool exactLine = true,
        int spacingAfter = 0)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(exactLine
            ? new SpacingBetweenLines { Line = Twips(Math.Max(LinePitch, halfPoints * 14)), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = Twips(spacingAfter) }
            : new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "60" });
        if (indent || leftChars > 0 || rightChars > 0)
        {
            // In twips of the paragraph's own font: Word and LibreOffice count "characters" (firstLineChars) differently.
            var indentation = new Indentation();
            if (indent)
            {
                indentation.FirstLine = Twips(2 * halfPoints * 10);
            }

            if (leftChars > 0)
            {
                indentation.Left = Twips(leftChars * halfPoints / 10);
            }

            if (rightChars > 0)
            {
                indentation.Right = Twips(rightChars * halfPoints / 10);
            }

            properties.Append(indentation);
        }

        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        var paragraph = new Paragraph(properties);
        if (leadIn is not null)
        {
            paragraph.Append(TextRun(leadIn, font, halfPoints, bold: true));
        }

        paragraph.Append(TextRun(text, font, halfPoints));
        return paragraph;
    }

    private static Run TextRun(string text, string font, int halfPoints, bool bold = false) =>
        new(RunProps(font, halfPoints, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties RunProps(string font, int halfPoints, bool bold)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            props.Append(new Bold());
        }

        props.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        props.Append(new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return props;
    }
}
