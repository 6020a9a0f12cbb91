using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace SixStability.Workflow.Reports;

/// <summary>
/// A <see cref="BarChart"/> as a native Word chart (a DrawingML chart part, horizontal bars, its values
/// cached in the part): Word, WPS and LibreOffice draw it with the reader's own Chinese fonts, and it
/// stays a chart, not a picture, in the filed document.
/// </summary>
internal sealed class DocxChart(MainDocumentPart main)
{
    private const long EmuPerTwip = 635;
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string Font = "微软雅黑";
    private uint count;

    /// <summary>A paragraph holding the chart inline, as wide as the text and as tall as its bars need.</summary>
    public Paragraph Paragraph(BarChart chart, int textWidthTwips)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ChartPart part = main.AddNewPart<ChartPart>();
        part.ChartSpace = Space(chart);
        string id = main.GetIdOfPart(part);
        uint n = ++count;

        // About 0.55 cm a bar (0.8 cm a pair), plus title, legend and axis.
        int perBar = chart.Stacked ? 310 : 170 + (160 * chart.Series.Count);
        // At most a page of text (A4 less GB/T 9704 margins: 12,756 twips), less two lines when its note must fit under it.
        long height = Math.Min(chart.Note is null ? 12000 : 11400, 1500 + (perBar * chart.Categories.Count)) * EmuPerTwip;
        long width = textWidthTwips * EmuPerTwip;
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = n, Name = $"图表 {n}", Description = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = id }) { Uri = ChartUri }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "120", After = "60" }, new Justification { Val = JustificationValues.Center });
        if (chart.Note is not null)
        {
            // Kept with its note only: kept with the next heading too, a page-tall chart pushed the heading to the foot of a page, alone.
            properties.PrependChild(new KeepNext());
        }

        return new Paragraph(properties, new Run(new Drawing(inline)));
    }

    private static C.ChartSpace Space(BarChart chart)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = chart.Stacked ? C.BarGroupingValues.Stacked : C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });

        for (int s = 0; s < chart.Series.Count; s++)
        {
            bar.Append(Series(chart, s));
        }

        if (!chart.Stacked)
        {
            bar.Append(new C.DataLabels(
                new C.NumberingFormat { FormatCode = "0.#\"" + chart.Unit + "\"", SourceLinked = false },
                TextProperties(800, bold: false),
                new C.ShowLegendKey { Val = false },
                new C.ShowValue { Val = true },
                new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false },
                new C.ShowPercent { Val = false },
                new C.ShowBubbleSize { Val = false }));
        }

        bar.Append(new C.GapWidth { Val = (ushort)(chart.Stacked ? 50 : 40) });
        if (chart.Stacked)
        {
            bar.Append(new C.Overlap { Val = 100 });
        }

        bar.Append(new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U });
        var categories = new C.CategoryAxis(
            new C.AxisId { Val = 1U },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }), // first category on top, as in the HTML
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low }, // at the axis's low end: clear of bars below zero,
            TextProperties(900, bold: false),
            new C.CrossingAxis { Val = 2U },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = true });
        var values = new C.ValueAxis(
            new C.AxisId { Val = 2U },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MaxAxisValue { Val = (double)chart.Max }, new C.MinAxisValue { Val = (double)chart.Min }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })) { Width = 6350 })),
            new C.NumberingFormat { FormatCode = "0\"" + chart.Unit + "\"", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            TextProperties(800, bold: false),
            new C.CrossingAxis { Val = 1U },
            new C.Crosses { Val = C.CrossesValues.Maximum }, // with the categories top-down, the value axis sits at the bottom
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = (double)chart.TickStep });

        var plotArea = new C.PlotArea(new C.Layout(), bar, categories, values);
        var title = new C.Title(
            new C.ChartText(new C.RichText(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1100, Bold = true }),
                    new A.Run(new A.RunProperties(new A.LatinFont { Typeface = Font }, new A.EastAsianFont { Typeface = Font }) { Language = "zh-CN", FontSize = 1100, Bold = true }, new A.Text(chart.Title))))),
            new C.Overlay { Val = false });
        var legend = new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Top }, new C.Overlay { Val = false }, TextProperties(900, bold: false));
        return new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(title, new C.AutoTitleDeleted { Val = false }, plotArea, legend, new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            TextProperties(900, bold: false));
    }

    private static C.BarChartSeries Series(BarChart chart, int s)
    {
        ChartSeries series = chart.Series[s];
        string column = ((char)('B' + s)).ToString();
        int last = chart.Categories.Count + 1;
        var names = new C.StringCache(new C.PointCount { Val = (uint)chart.Categories.Count });
        for (int i = 0; i < chart.Categories.Count; i++)
        {
            names.Append(new C.StringPoint(new C.NumericValue(chart.Categories[i])) { Index = (uint)i });
        }

        var numbers = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)chart.Categories.Count });
        for (int i = 0; i < chart.Categories.Count; i++)
        {
            decimal value = i < series.Values.Count ? Math.Clamp(series.Values[i], chart.Min, chart.Max) : 0;
            numbers.Append(new C.NumericPoint(new C.NumericValue(value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return new C.BarChartSeries(
            new C.Index { Val = (uint)s },
            new C.Order { Val = (uint)s },
            new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${column}$1"), new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(series.Name)) { Index = 0U }))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${last}"), names)),
            new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${last}"), numbers)));
    }

    private static C.TextProperties TextProperties(int size, bool bold) => new(
        new A.BodyProperties(),
        new A.ListStyle(),
        new A.Paragraph(
            new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = Font }, new A.EastAsianFont { Typeface = Font }) { FontSize = size, Bold = bold }),
            new A.EndParagraphRunProperties { Language = "zh-CN" }));
}
