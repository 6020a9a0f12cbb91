namespace SixStability.Core.Reports.Layout;

/// <summary>What the deployment sets about the document itself.</summary>
/// <param name="Addressee">主送机关 (<c>Report:Addressee</c>).</param>
/// <param name="DocumentNumber">文号 template (<c>Report:DocumentNumber</c>), e.g. 景发改字〔{year}〕{quarter}号: {year} and
/// {quarter} are replaced by the quarter's year and number; nothing else is read as syntax.</param>
/// <param name="MaxChartBars">Bars a chart shows at most (a province's hundreds of units: the lowest rates are shown).</param>
/// <param name="MaxTableRows">Rows the late-units table shows at most (the .xlsx has all).</param>
public sealed record ReportOptions(string Addressee = "市人民政府", string? DocumentNumber = null, int MaxChartBars = 40, int MaxTableRows = 60)
{
    public static readonly ReportOptions Default = new();

    /// <summary>The 文号 for a quarter, or null when none is configured.</summary>
    public string? NumberFor(Calendar.Quarter quarter) =>
        string.IsNullOrWhiteSpace(DocumentNumber)
            ? null
            : DocumentNumber
                .Replace("{year}", quarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{quarter}", quarter.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
