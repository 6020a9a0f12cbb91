using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Cycles;
using SixStability.Core.Reports;
using SixStability.Core.Text;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Reports;

/// <summary>
/// Compiles a cycle's summary by streaming its obligations page by page into the Core compiler,
/// renders it (JSON, HTML, .docx) and keeps the final one as blobs; an open cycle gets a live preview.
/// </summary>
public sealed class SummaryReports(CycleContextLoader loader, IObligationStore obligations, IBlobStore blobs, TimeProvider clock)
{
    public const string Container = "summaries";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>One unit page in memory at a time: the compiler keeps tallies, not obligations.</summary>
    public async Task<(CycleSummary Summary, CycleCounts Counts)> CompileAsync(CycleContext cycle, bool final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        CycleRecord record = cycle.Record;
        var compiler = new SummaryCompiler(await InputAsync(cycle, final, cancellationToken).ConfigureAwait(false));
        CycleCounts counts = CycleCounts.Zero;
        IEnumerable<UnitPage?> pages = record.Pages.Count > 0 ? record.Pages.Cast<UnitPage?>() : [null];
        var page = new List<Obligation>();
        foreach (UnitPage? units in pages)
        {
            page.Clear();
            await foreach (Obligation o in obligations.ListAsync(record.CycleId, units, cancellationToken).ConfigureAwait(false))
            {
                compiler.Add(o);
                page.Add(o);
            }

            counts = counts.Plus(CycleCounts.Of(page));
        }

        return (compiler.Compile(), counts);
    }

    /// <summary>At close: the final summary, stored in all three forms; returns what the mail needs.</summary>
    public async Task<RenderedSummary> PublishAsync(CycleContext cycle, CancellationToken cancellationToken)
    {
        (CycleSummary summary, CycleCounts counts) = await CompileAsync(cycle, final: true, cancellationToken).ConfigureAwait(false);
        var rendered = new RenderedSummary(summary, counts, SummaryHtml.Render(summary), SummaryDocx.Render(summary));
        string id = cycle.Record.CycleId;
        await blobs.PutAsync(Container, BlobName(id, "json"), JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options), "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, BlobName(id, "html"), Encoding.UTF8.GetBytes(rendered.Html), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, BlobName(id, "docx"), rendered.Docx, DocxType, cancellationToken).ConfigureAwait(false);
        return rendered;
    }

    /// <summary><c>GET /api/cycles/{cycleId}/summary?format=html|docx|json</c>: the stored final summary, or a preview while the cycle is open.</summary>
    public async Task<ApiResult> GetAsync(HttpRequest request, string cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string format = request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "html";
        if (format is not ("html" or "docx" or "json"))
        {
            return ApiResult.BadRequest($"格式“{format}”无效。", [new Core.Units.FieldError("format", "应为 html、docx 或 json。")]);
        }

        string fileName = $"{cycleId}-汇总报告.{format}";
        if (await blobs.GetAsync(Container, BlobName(cycleId, format), cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return ApiResult.File(stored.Content, stored.ContentType, format == "docx" ? fileName : null);
        }

        CycleContext cycle;
        try
        {
            cycle = await loader.LoadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return ApiResult.NotFound($"报送周期“{cycleId}”不存在。");
        }

        (CycleSummary summary, _) = await CompileAsync(cycle, final: false, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            "json" => ApiResult.Json(StatusCodes.Status200OK, summary),
            "docx" => ApiResult.File(SummaryDocx.Render(summary), DocxType, fileName),
            _ => ApiResult.Html(StatusCodes.Status200OK, SummaryHtml.Render(summary)),
        };
    }

    private async Task<SummaryInput> InputAsync(CycleContext cycle, bool final, CancellationToken cancellationToken)
    {
        CycleRecord record = cycle.Record;

        // The figures stand at the day the cycle closed (late days of missing reports count to it), or today for a preview.
        DateOnly asOf = record.Frame.Today(record.ClosedAt ?? clock.GetUtcNow(), record.Policy);
        CycleSummary? previous = null;
        string previousId = CycleIds.For(record.Frame.PlanId, record.Frame.Quarter.Previous);
        if (await blobs.GetAsync(Container, BlobName(previousId, "json"), cancellationToken).ConfigureAwait(false) is { } json)
        {
            previous = JsonSerializer.Deserialize<CycleSummary>(json.Content.Span, Json.Options);
        }

        return new SummaryInput(
            record.CycleId,
            record.Frame.Quarter,
            cycle.Plan,
            cycle.Directory,
            cycle.Calendar,
            asOf,
            final,
            record.Policy.EscalationWorkingDaysAfterDue.Count,
            at => record.Frame.Today(at, record.Policy),
            previous);
    }

    private static string BlobName(string cycleId, string format) => $"{Uri.EscapeDataString(cycleId)}/summary.{format}";
}

/// <summary>A compiled summary with its two renderings.</summary>
public sealed record RenderedSummary(CycleSummary Summary, CycleCounts Counts, string Html, byte[] Docx);
