using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SixStability.Workflow.Reports;

public static partial class SummaryDocx
{
    // A4 with the standard's margins: 156 mm of text width.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;

    // The annexes' tables on landscape pages (附件表格横排): 225 mm of text width.
    private const int LandscapeWidth = PageHeight - MarginTop - MarginBottom;

    // 22 lines on the 225 mm text height: 28.9 pt a line.
    private const int LinePitch = 579;
    private const int Body = 32; // 三号, in half-points
    private const int TitleSize = 44; // 二号
    private const int TableSize = 21; // 五号
    private const int TableCharTwips = TableSize * 10; // one Chinese character of the table font
    private const int CellPadding = 80;

    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (WordprocessingDocument doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            FooterPart footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumbers();
            doc.PackageProperties.Title = document.Title;
            doc.PackageProperties.Creator = document.Signature;

            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            main.Document = new Document(body);
            var charts = new DocxChart(main);
            if (document.DocumentNumber is { } number)
            {
                body.Append(Para(number, ReportLook.BodyFont, Body, JustificationValues.Center));
                body.Append(Para(string.Empty, ReportLook.BodyFont, Body));
            }

            body.Append(Para(document.Title, ReportLook.TitleFont, TitleSize, JustificationValues.Center, spacingAfter: LinePitch));
            body.Append(Para($"{document.Addressee}：", ReportLook.BodyFont, Body));
            Append(body, document.Body, charts, TextWidth);
            // 特此报告, 附件说明, 落款 and 成文日期 stay on one page (never a date alone on the last page).
            body.Append(Para(document.Closing, ReportLook.BodyFont, Body, indent: true, keepNext: true));
            if (document.AttachmentList.Count > 0)
            {
                body.Append(Para(string.Empty, ReportLook.BodyFont, Body, keepNext: true));
                for (int i = 0; i < document.AttachmentList.Count; i++)
                {
                    string line = $"{(i == 0 ? "附件：" : string.Empty)}{i + 1}.{document.AttachmentList[i]}";
                    body.Append(Para(line, ReportLook.BodyFont, Body, leftChars: i == 0 ? 200 : 500, keepNext: true));
                }
            }

            (double signature, double date) = document.SignatureIndents;
            body.Append(Para(string.Empty, ReportLook.BodyFont, Body, keepNext: true));
            body.Append(Para(string.Empty, ReportLook.BodyFont, Body, keepNext: true));
            body.Append(Para(document.Signature, ReportLook.BodyFont, Body, JustificationValues.Right, rightChars: (int)(signature * 100), keepNext: true));
            Paragraph dated = Para(document.Date, ReportLook.BodyFont, Body, JustificationValues.Right, rightChars: (int)(date * 100));
            body.Append(dated);

            string footerId = main.GetIdOfPart(footer);
            if (document.Annexes.Count > 0)
            {
                // The body ends its portrait section with the date; the annexes follow on landscape pages, page numbers running on.
                dated.ParagraphProperties!.Append(Section(footerId, landscape: false));
                foreach (ReportAnnex annex in document.Annexes)
                {
                    Paragraph label = Para($"附件{annex.Number}", ReportLook.HeadingFont, Body, keepNext: true);
                    if (annex.Number > 1)
                    {
                        label.ParagraphProperties!.InsertAfter(new PageBreakBefore(), label.ParagraphProperties.GetFirstChild<KeepNext>());
                    }

                    body.Append(label);
                    body.Append(Para(annex.Title, ReportLook.TitleFont, 36, JustificationValues.Center, spacingAfter: 200, keepNext: true));
                    Append(body, annex.Blocks, charts, LandscapeWidth);
                }
            }

            body.Append(Section(footerId, landscape: document.Annexes.Count > 0));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A4 with the standard's margins, portrait for the body or landscape for the annexes; the one footer.</summary>
    private static SectionProperties Section(string footerId, bool landscape) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        landscape
            ? new PageSize { Width = (uint)PageHeight, Height = (uint)PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight },
        landscape
            ? new PageMargin { Top = MarginLeft, Bottom = MarginRight, Left = (uint)MarginTop, Right = (uint)MarginBottom, Header = 851U, Footer = 850U, Gutter = 0U }
            : new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight, Header = 851U, Footer = 1247U, Gutter = 0U },
        new DocGrid { LinePitch = LinePitch });

    private static void Append(DocumentFormat.OpenXml.Wordprocessing.Body body, IReadOnlyList<ReportBlock> blocks, DocxChart charts, int width)
    {
        foreach (ReportBlock block in blocks)
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 } h:
                    body.Append(Para(h.Text, ReportLook.HeadingFont, Body, indent: true, keepNext: true));
                    break;
                case HeadingBlock h:
                    body.Append(Para(h.Text, ReportLook.SubheadingFont, Body, indent: true, keepNext: true));
                    break;
                case ParagraphBlock { Note: true } p:
                    body.Append(Para(p.Text, ReportLook.BodyFont, 24, indent: true, exactLine: false));
                    break;
                case ParagraphBlock p:
                    body.Append(Para(p.Text, ReportLook.BodyFont, Body, JustificationValues.Both, indent: true, leadIn: p.LeadIn));
                    break;
                case TableBlock t:
                    body.Append(Table(t, width));
                    body.Append(Para(string.Empty, ReportLook.BodyFont, 12, exactLine: false));
                    break;
                case ChartBlock c:
                    body.Append(charts.Paragraph(c.Chart, Math.Min(width, TextWidth)));
                    if (c.Chart.Note is { } note)
                    {
                        body.Append(Para(note, ReportLook.BodyFont, 24, indent: true, exactLine: false));
                    }

                    break;
            }
        }
    }

    /// <summary>第 X 页 共 Y 页, centred, 四号宋体 (PAGE and NUMPAGES fields, which Word and WPS update as they lay out).</summary>
    private static Footer PageNumbers()
    {
        Run Text(string text) => TextRun(text, ReportLook.PageNumberFont, 28);
        SimpleField Field(string instruction) => new(Text("1")) { Instruction = $" {instruction} \\* MERGEFORMAT " };
        return new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Text("第 "),
            Field("PAGE"),
            Text(" 页 共 "),
            Field("NUMPAGES"),
            Text(" 页")));
    }

    /// <summary>The document defaults: 仿宋 三号, Chinese as the East Asian language, Times New Roman for digits.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = ReportLook.BodyFont, ComplexScript = "Times New Roman" },
                new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = Twips(LinePitch), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Table Normal" }, new StyleTableProperties(new TableCellMarginDefault(
            new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
            new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
