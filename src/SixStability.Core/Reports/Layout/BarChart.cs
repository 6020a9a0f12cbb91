namespace SixStability.Core.Reports.Layout;

/// <summary>
/// A horizontal bar chart (categories down the side, so Chinese labels read across). Values are in
/// <see cref="Unit"/> (percent); <see cref="Stacked"/> stacks the series into one bar per category.
/// </summary>
/// <param name="Max">The value axis runs from <paramref name="Min"/> to this.</param>
/// <param name="Note">What the chart leaves out, said under it.</param>
/// <param name="Min">The axis's start: 0, or below it for values that can be negative (a year's scores); bars grow from 0 either way.</param>
/// <param name="Step">Between ticks; 0 for the percent charts' 25 (50 past 100).</param>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, bool Stacked, decimal Max, string Unit = "%", string? Note = null, decimal Min = 0, decimal Step = 0)
{
    public decimal TickStep => Step > 0 ? Step : Max - Min <= 100 ? 25 : 50;
}

/// <param name="Colour">RGB hex without #, the same in SVG and Word.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values, string Colour);
