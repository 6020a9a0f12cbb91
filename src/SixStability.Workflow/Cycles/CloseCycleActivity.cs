using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Closes the cycle (no submission is accepted after), compiles the quarterly summary, keeps it as
/// blobs (HTML, .docx, JSON), mails it to the municipal government with the .docx attached, and sweeps
/// the cycle's orphan blobs (<see cref="OrphanBlobSweep"/>).
/// </summary>
public sealed class CloseCycleActivity(CycleContextLoader loader, ICycleStore cycles, IObligationStore obligations, SummaryReports reports, MailComposer mail, Notifier notifier, OrphanBlobSweep sweep, TimeProvider clock)
    : TaskActivity<string, CycleResult>
{
    public override async Task<CycleResult> RunAsync(TaskActivityContext context, string input)
    {
        CycleContext cycle = await loader.LoadAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (cycle.Record.Status == CycleStatus.Cancelled)
        {
            return new CycleResult("cancelled", CycleCounts.Zero); // a cancelled cycle has no summary, even when resumed
        }

        if (cycle.IsOpen)
        {
            // The summary's figures stand at the close: the record as stored now, without reading it all again.
            DateTimeOffset closedAt = clock.GetUtcNow();
            await cycles.SetStatusAsync(input, CycleStatus.Closed, closedAt, CancellationToken.None).ConfigureAwait(false);
            cycle = cycle with { Record = cycle.Record with { Status = CycleStatus.Closed, ClosedAt = closedAt } };
        }

        // The status turns new requests away; the seal also stops one that read "open" just before,
        // so the summary compiled next holds every change that was accepted (a retry seals again).
        await obligations.SealAsync(input, CancellationToken.None).ConfigureAwait(false);
        RenderedSummary report = await reports.PublishAsync(cycle, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<Contact> readers = SummaryReaders.For(cycle.Lookup.Directory);
        var docx = new MailAttachment($"{SummaryText.Title(report.Summary)}.docx", SummaryReports.DocxType, report.Docx);
        await notifier.SendAsync(await mail.SummaryAsync(cycle.Facts, "summary", readers, report.Document, [docx]).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);

        // Last, after the seal: blobs nothing names any more (a removed file, a write a crash left unnamed).
        await sweep.RunAsync(input, CancellationToken.None).ConfigureAwait(false);
        return new CycleResult("closed", report.Counts);
    }
}
