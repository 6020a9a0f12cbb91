namespace SixStability.Core.Reports.Layout;

/// <summary>
/// A horizontal bar chart (categories down the side, so Chinese labels read across). Values are in
/// <see cref="Unit"/> (percent); <see cref="Stacked"/> stacks the series into one bar per category.
/// </summary>
/// <param name="Max">The value axis runs from 0 to this.</param>
/// <param name="Note">What the chart leaves out, said under it.</param>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, bool Stacked, decimal Max, string Unit = "%", string? Note = null);

/// <param name="Colour">RGB hex without #, the same in SVG and Word.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values, string Colour);
