namespace SixStability.Workflow.Reports;

/// <summary><c>GET /api/cycles/{cycleId}/summary?format=html|docx|json</c>: the stored final summary, or a live preview (预览) while the cycle is open.</summary>
public sealed class SummaryHandlers(SummaryReports reports)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "html";
        return (await reports.ReadAsync(call.Value("cycleId"), format, call.Aborted).ConfigureAwait(false))
            .ToResult(file => ApiResult.File(file.Content, file.ContentType, file.DownloadName));
    }
}
