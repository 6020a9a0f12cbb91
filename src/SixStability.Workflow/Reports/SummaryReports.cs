using System.Text;
using SixStability.Core.Text;

namespace SixStability.Workflow.Reports;

/// <summary>
/// Compiles a cycle's summary by streaming its obligations, with their submitted texts, range by range
/// into the Core compiler; lays it out once as a 公文 (<see cref="ReportLayout"/>) and renders that as
/// HTML and .docx; writes the 汇总表 (.xlsx) from a second stream; keeps the final summary as blobs. An
/// open cycle gets a live preview.
/// </summary>
public sealed class SummaryReports(CycleContextLoader loader, IObligationStore obligations, IBlobStore blobs, SummaryArchive archive, HtmlComposer html, ReportOptions options, TimeProvider clock)
{
    public const string Container = SummaryArchive.Container;
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One range of units in memory at a time: the compiler keeps tallies and condensed accounts, not obligations.</summary>
    public async Task<(CycleSummary Summary, CycleCounts Counts)> CompileAsync(CycleContext cycle, bool final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var compiler = new SummaryCompiler(await InputAsync(cycle, final, cancellationToken).ConfigureAwait(false));
        CycleCounts counts = CycleCounts.Zero;
        var inRange = new List<Obligation>();
        foreach (UnitRange? units in Ranges(cycle.Record))
        {
            inRange.Clear();
            await foreach (ObligationReport r in obligations.ListReportsAsync(cycle.CycleId, units, cancellationToken).ConfigureAwait(false))
            {
                compiler.Add(r.Obligation, r.Text);
                inRange.Add(r.Obligation);
            }

            counts = counts.Plus(CycleCounts.Of(inRange));
        }

        return (compiler.Compile(), counts);
    }

    /// <summary>At close: the final summary, stored in all three forms; returns what the mail needs.</summary>
    public async Task<RenderedSummary> PublishAsync(CycleContext cycle, CancellationToken cancellationToken)
    {
        (CycleSummary summary, CycleCounts counts) = await CompileAsync(cycle, final: true, cancellationToken).ConfigureAwait(false);
        ReportDocument document = Layout(summary);
        var rendered = new RenderedSummary(summary, document, counts, await HtmlAsync(document).ConfigureAwait(false), SummaryDocx.Render(document));
        string id = cycle.Record.CycleId;
        await blobs.PutAsync(Container, SummaryArchive.BlobName(id, "json"), JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options), "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, SummaryArchive.BlobName(id, "html"), Encoding.UTF8.GetBytes(rendered.Html), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(Container, SummaryArchive.BlobName(id, "docx"), rendered.Docx, DocxType, cancellationToken).ConfigureAwait(false);
        return rendered;
    }

    /// <summary>
    /// The summary in <paramref name="format"/> (html, docx, json, xlsx): the one stored at the close, or a
    /// live preview (预览) while the cycle is open. The .xlsx is written from the (sealed, once closed)
    /// obligations each time, with the stored summary's scores.
    /// </summary>
    public async Task<Outcome<SummaryFile>> ReadAsync(string cycleId, string format, CancellationToken cancellationToken)
    {
        if (format is not ("html" or "docx" or "json" or "xlsx"))
        {
            return Outcome.Refused<SummaryFile>(RuleViolation.Field("format", "应为 html、docx、json 或 xlsx。", $"格式“{format}”无效。"));
        }

        string? download = format switch
        {
            "docx" => $"{cycleId}-汇总报告.docx",
            "xlsx" => $"{cycleId}-汇总表.xlsx",
            _ => null,
        };
        if (format != "xlsx" && await blobs.GetAsync(Container, SummaryArchive.BlobName(cycleId, format), cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return new SummaryFile(stored.Content, stored.ContentType, download);
        }

        if (await loader.FindAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return Outcome.NotFound<SummaryFile>(CycleMessages.NoCycle(cycleId));
        }

        if (format == "xlsx")
        {
            return new SummaryFile(await WorkbookAsync(cycle, cancellationToken).ConfigureAwait(false), XlsxType, download);
        }

        (CycleSummary summary, _) = await CompileAsync(cycle, final: false, cancellationToken).ConfigureAwait(false);
        return format switch
        {
            "json" => new SummaryFile(JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options), "application/json; charset=utf-8", null),
            "docx" => new SummaryFile(SummaryDocx.Render(Layout(summary)), DocxType, download),
            _ => new SummaryFile(Encoding.UTF8.GetBytes(await HtmlAsync(summary).ConfigureAwait(false)), "text/html; charset=utf-8", null),
        };
    }

    /// <summary>True when the close stored the summary in all three forms (html, docx, json).</summary>
    public async Task<bool> IsStoredAsync(string cycleId, CancellationToken cancellationToken)
    {
        foreach (string format in new[] { "html", "docx", "json" })
        {
            if (await blobs.GetAsync(Container, SummaryArchive.BlobName(cycleId, format), cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The 汇总表: one row per obligation with everything its unit wrote, and each unit's score. Two streams
    /// over the cycle (the summary, then the rows), each holding one range of units at a time.
    /// </summary>
    public async Task<byte[]> WorkbookAsync(CycleContext cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        bool final = !cycle.IsOpen;
        CycleSummary summary = (final ? await archive.FindAsync(cycle.CycleId, cancellationToken).ConfigureAwait(false) : null)
            ?? (await CompileAsync(cycle, final, cancellationToken).ConfigureAwait(false)).Summary;
        var rows = new SummaryRows(await InputAsync(cycle, summary.Final, cancellationToken).ConfigureAwait(false));
        using var stream = new MemoryStream();
        await SummaryWorkbook.WriteAsync(stream, summary, Rows(cycle, rows, cancellationToken), cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    /// <summary>The summary as the browser shows it: a whole HTML document.</summary>
    public Task<string> HtmlAsync(CycleSummary summary) => HtmlAsync(Layout(summary));

    public Task<string> HtmlAsync(ReportDocument document) =>
        html.PageAsync<SummaryDocument>(new Dictionary<string, object?> { ["Document"] = document });

    /// <summary>The report as a 公文, as the deployment's options (主送, 文号) shape it.</summary>
    public ReportDocument Layout(CycleSummary summary) => ReportLayout.Build(summary, options);

    private async IAsyncEnumerable<SummaryRow> Rows(CycleContext cycle, SummaryRows rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (UnitRange? units in Ranges(cycle.Record))
        {
            await foreach (ObligationReport r in obligations.ListReportsAsync(cycle.CycleId, units, cancellationToken).ConfigureAwait(false))
            {
                yield return rows.Row(r.Obligation, r.Text);
            }
        }
    }

    internal static IEnumerable<UnitRange?> Ranges(CycleRecord record) => record.UnitRanges.Count > 0 ? record.UnitRanges.Cast<UnitRange?>() : [null];

    private async Task<SummaryInput> InputAsync(CycleContext cycle, bool final, CancellationToken cancellationToken)
    {
        CycleRecord record = cycle.Record;

        // The figures stand at the day the cycle closed (late days of missing reports count to it), or today for a preview.
        DateOnly asOf = record.Frame.Today(record.ClosedAt ?? clock.GetUtcNow(), record.Policy);
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
            await archive.PreviousAsync(record.Frame, cancellationToken).ConfigureAwait(false),
            record.Policy.Score);
    }
}

/// <param name="DownloadName">The file name offered for a download (the .docx, the .xlsx); null to show in the browser.</param>
public sealed record SummaryFile(ReadOnlyMemory<byte> Content, string ContentType, string? DownloadName);

/// <summary>A compiled summary, its layout and its two renderings.</summary>
public sealed record RenderedSummary(CycleSummary Summary, ReportDocument Document, CycleCounts Counts, string Html, byte[] Docx);
