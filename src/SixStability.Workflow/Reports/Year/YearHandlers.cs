namespace SixStability.Workflow.Reports.Year;

/// <summary><c>GET /api/plans/{planId}/years/{year}?format=json|xlsx|docx</c>: the plan's year, ranked, with 表扬 and 问责.</summary>
public sealed class YearHandlers(YearReports years)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        return (await years.ReadAsync(call.Value("planId"), call.Value("year"), format, call.Aborted).ConfigureAwait(false))
            .ToResult(file => ApiResult.File(file.Content, file.ContentType, file.DownloadName));
    }
}
