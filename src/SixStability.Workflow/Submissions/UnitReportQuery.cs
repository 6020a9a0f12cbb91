using SixStability.Core.Text;

namespace SixStability.Workflow.Submissions;

/// <summary>What a unit reads of its own cycle: what it owes, each task's history, its files.</summary>
public sealed class UnitReportQuery(UnitObligations units, IObligationStore obligations, IBlobStore blobs, SummaryArchive archive, TimeProvider clock)
{
    public async Task<Outcome<MyObligationsView>> ObligationsAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        Outcome<UnitView> found = await units.FindAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<MyObligationsView>();
        }

        // The deadlines each task's lead is asked about; last quarter's summary is read only when a led task has any.
        Quarter quarter = found.Value!.Cycle.Record.Frame.Quarter;
        bool asks = found.Value.Obligations.Any(o => o.IsLead && (found.Value.Cycle.Lookup.FindTask(o.TaskNumber)?.Deadlines.Any(d => d.Date <= quarter.LastDay) ?? false));
        IReadOnlySet<DeadlineRef> metEarlier = asks ? await archive.MetEarlierAsync(found.Value.Cycle.Record.Frame, cancellationToken).ConfigureAwait(false) : new HashSet<DeadlineRef>();
        return found.Map(view =>
        {
            DateOnly today = view.Cycle.Today(clock.GetUtcNow());
            return new MyObligationsView(
                new UnitRef(view.Unit.Id, view.Unit.Name),
                cycleId,
                view.Cycle.Record.Frame.Quarter,
                view.Cycle.Lookup.Plan.Title,
                view.Cycle.IsOpen,
                [.. view.Obligations.Select(o => new MyObligationView(
                    o.TaskNumber,
                    view.Cycle.Lookup.TaskTitle(o.TaskNumber),
                    o.IsLead,
                    o.State,
                    o.Due,
                    StepDecisions.WorkingDaysLeft(today, o.Due, view.Cycle.Calendar),
                    o.Late,
                    o.EscalationLevel,
                    o.ReturnReason,
                    o.RevisionTag,
                    o.IsLead ? view.Cycle.Lookup.Indicators(o.TaskNumber) : [],
                    o.Files,
                    o.IsLead ? DeadlineQuestions.Asked(view.Cycle.Lookup.FindTask(o.TaskNumber), quarter, metEarlier) : []))]);
        });
    }

    /// <summary>Every draft, submission, return and escalation of one task, oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<HistoryItem>>> HistoryAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        Outcome<UnitTask> found = await units.FindAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false);
        return found.IsOk
            ? Outcome.Ok(HistoryItem.Of(await obligations.HistoryAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false)))
            : found.As<IReadOnlyList<HistoryItem>>();
    }

    /// <summary>A file the obligation names now, or that any saved revision named (a detached file a submission still names).</summary>
    public async Task<Outcome<AttachmentFile>> AttachmentAsync(string cycleId, string unitId, int task, string id, CancellationToken cancellationToken)
    {
        Obligation? obligation = (await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == task);
        Attachment? file = obligation?.Files.FirstOrDefault(f => f.Id == id);
        if (file is null && obligation is not null)
        {
            file = (await obligations.HistoryAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false))
                .Select(SavedForm)
                .SelectMany(f => f?.Attachments ?? [])
                .FirstOrDefault(f => f.Id == id);
        }

        StoredBlob? blob = file is null ? null : await blobs.GetAsync(AttachFileUseCase.Container, AttachFileUseCase.BlobName(cycleId, unitId, task, id), cancellationToken).ConfigureAwait(false);
        return blob is null ? Outcome.NotFound<AttachmentFile>("该附件不存在。") : new AttachmentFile(file!, blob.Content);
    }

    /// <summary>The form a history entry saved, or null for an entry that is a note (a return, an escalation).</summary>
    public static SavedForm? SavedForm(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Detail is { Length: > 0 } d && d.StartsWith('{') ? JsonSerializer.Deserialize<SavedForm>(d, Json.Options) : null;
    }
}

public sealed record UnitRef(string Id, string Name);

/// <summary><c>GET /api/me/obligations</c>.</summary>
public sealed record MyObligationsView(UnitRef Unit, string CycleId, Quarter Quarter, string Title, bool Open, IReadOnlyList<MyObligationView> Obligations);

/// <param name="Etag">Send it back as <c>If-Match</c> so a stale form is refused.</param>
/// <param name="Indicators">The task's indicators, for the lead unit (牵头单位) only.</param>
/// <param name="Deadlines">The task's dated deadlines the lead unit answers 是否按期完成 for (<c>deadlines</c> in the submission).</param>
public sealed record MyObligationView(int Task, string Title, bool Lead, ObligationState State, DateOnly Due, int WorkingDaysLeft, bool Late, int Level, string? ReturnReason, string Etag, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Attachment> Attachments, IReadOnlyList<TaskDeadline>? Deadlines = null);

public sealed record AttachmentFile(Attachment File, ReadOnlyMemory<byte> Content);
