using System.Text;
using System.Text.Json;
using SixStability.Core.Cycles;
using SixStability.Core.Reports;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Reports;

/// <summary>
/// Compiles a cycle's summary by streaming its obligations range by range into the Core compiler,
/// renders it (JSON, HTML, .docx) and keeps the final one as blobs; an open cycle gets a live preview.
/// </summary>
public sealed class SummaryReports(CycleContextLoader loader, IObligationStore obligations, IBlobStore blobs, HtmlComposer html, TimeProvider clock)
{
    public const string Container = "summaries";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>One range of units in memory at a time: the compiler keeps tallies, not obligations.</summary>
    public async Task<(CycleSummary Summary, CycleCounts Counts)> CompileAsync(CycleContext cycle, bool final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        CycleRecord record = cycle.Record;
        var compiler = new SummaryCompiler(await InputAsync(cycle, final, cancellationToken).ConfigureAwait(false));
        CycleCounts counts = CycleCounts.Zero;
        IEnumerable<UnitRange?> ranges = record.UnitRanges.Count > 0 ? record.UnitRanges.Cast<UnitRange?>() : [null];
        var inRange = new List<Obligation>();
        foreach (UnitRange? units in ranges)
        {
            inRange.Clear();
            await foreach (Obligation o in obligations.ListAsync(record.CycleId, units, cancellationToken).ConfigureAwait(false))
            {
                compiler.Add(o);
                inRange.Add(o);
            }

            counts = counts.Plus(CycleCounts.Of(inRange));
        }

        return (compiler.Compile(), counts);
    }

    /// <summary>At close: the final summary, stored in all three forms; returns what the mail needs.</summary>
    public async Task<RenderedSummary> PublishAsync(CycleContext cycle, CancellationToken cancellationToken)
    {
        (CycleSummary summary, CycleCounts counts) = await CompileAsync(cycle, final: true, cancellationToken).ConfigureAwait(false);
        var rendered = new RenderedSummary(summary, counts, await HtmlAsync(summary).ConfigureAwait(false), SummaryDocx.Render(summary));
        string id = cycle.Record.CycleId;
        await blobs.PutAsync(Container, BlobName(id, "json"), JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options), "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, BlobName(id, "html"), Encoding.UTF8.GetBytes(rendered.Html), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, BlobName(id, "docx"), rendered.Docx, DocxType, cancellationToken).ConfigureAwait(false);
        return rendered;
    }

    /// <summary>
    /// The summary in <paramref name="format"/> (html, docx, json): the one stored at the close, or a
    /// live preview (预览) while the cycle is open.
    /// </summary>
    public async Task<Outcome<SummaryFile>> ReadAsync(string cycleId, string format, CancellationToken cancellationToken)
    {
        if (format is not ("html" or "docx" or "json"))
        {
            return Outcome.Refused<SummaryFile>(RuleViolation.Field("format", "应为 html、docx 或 json。", $"格式“{format}”无效。"));
        }

        string? download = format == "docx" ? $"{cycleId}-汇总报告.docx" : null;
        if (await blobs.GetAsync(Container, BlobName(cycleId, format), cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return new SummaryFile(stored.Content, stored.ContentType, download);
        }

        if (await loader.FindAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return Outcome.NotFound<SummaryFile>(CycleMessages.NoCycle(cycleId));
        }

        (CycleSummary summary, _) = await CompileAsync(cycle, final: false, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            "json" => new SummaryFile(JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options), "application/json; charset=utf-8", null),
            "docx" => new SummaryFile(SummaryDocx.Render(summary), DocxType, download),
            _ => new SummaryFile(Encoding.UTF8.GetBytes(await HtmlAsync(summary).ConfigureAwait(false)), "text/html; charset=utf-8", null),
        };
    }

    /// <summary>True when the close stored the summary in all three forms (html, docx, json).</summary>
    public async Task<bool> IsStoredAsync(string cycleId, CancellationToken cancellationToken)
    {
        foreach (string format in new[] { "html", "docx", "json" })
        {
            if (await blobs.GetAsync(Container, BlobName(cycleId, format), cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The summary as the browser shows it: a whole HTML document.</summary>
    public Task<string> HtmlAsync(CycleSummary summary) =>
        html.PageAsync<SummaryDocument>(new Dictionary<string, object?> { ["Summary"] = summary });

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
            cycle.Lookup.Plan,
            cycle.Lookup.Directory,
            cycle.Calendar,
            asOf,
            final,
            record.Policy.EscalationWorkingDaysAfterDue.Count,
            at => record.Frame.Today(at, record.Policy),
            previous);
    }

    private static string BlobName(string cycleId, string format) => $"{Uri.EscapeDataString(cycleId)}/summary.{format}";
}

/// <param name="DownloadName">The file name offered for a download (the .docx); null to show in the browser.</param>
public sealed record SummaryFile(ReadOnlyMemory<byte> Content, string ContentType, string? DownloadName);

/// <summary>A compiled summary with its two renderings.</summary>
public sealed record RenderedSummary(CycleSummary Summary, CycleCounts Counts, string Html, byte[] Docx);
