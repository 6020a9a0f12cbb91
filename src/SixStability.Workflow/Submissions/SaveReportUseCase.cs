using SixStability.Core.Text;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// 报送 or 保存草稿 of one task by the unit a link names: checked by <see cref="SubmissionRules"/>, kept
/// with its history; the revision the form showed guards against a stale form, the idempotency key
/// against a double click.
/// </summary>
public sealed class SaveReportUseCase(UnitObligations units, IObligationStore obligations, SummaryArchive archive, TimeProvider clock)
{
    public async Task<Outcome<SavedReport>> RunAsync(SaveReportCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<UnitTask> found = await units.FindAsync(command.CycleId, command.UnitId, command.Task, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<SavedReport>();
        }

        (CycleContext cycle, _, Obligation obligation) = found.Value!;

        // Bad input is named (400) before a closed cycle is refused (409), as the API has always answered.
        IReadOnlyList<TaskDeadline> asked = obligation.IsLead ? await AskedAsync(cycle, command.Task, cancellationToken).ConfigureAwait(false) : [];
        if (SubmissionRules.Check(command.Form, obligation.IsLead ? cycle.Lookup.Indicators(command.Task) : [], command.Draft, asked) is { } invalid)
        {
            return Outcome.Refused<SavedReport>(invalid);
        }

        if (!cycle.IsOpen)
        {
            return Outcome.Closed<SavedReport>(CycleMessages.Closed);
        }

        DateTimeOffset now = clock.GetUtcNow();
        DateOnly today = cycle.Today(now);
        SubmissionForm form = command.Form;

        // A box left empty keeps the value reported before; only a value cleared on purpose goes.
        IReadOnlyList<IndicatorReading> readings = ReportedFigures.Merge(obligation.Figures?.Readings, form.Indicators, form.ClearIndicators);
        var figures = new ReportedFigures(form.Status ?? string.Empty, readings, form.Deadlines);

        // The files attached at this moment are part of what was saved.
        var saved = new SavedForm(form.Narrative, form.Status, readings, form.Difficulties, form.NextSteps, obligation.Files, form.Deadlines);
        string detail = JsonSerializer.Serialize(saved, Json.Options);

        // A submission's text is also kept as the obligation's last submitted report, which the summary reads.
        ReportText? text = command.Draft ? null : new ReportText(form.Narrative ?? string.Empty, form.Difficulties, form.NextSteps);
        var entry = new HistoryEntry(now, command.UnitId, command.Draft ? "draft" : "submitted", detail, text);

        // What was asked, not when: the same form sent again under its key is a replay; another form under it is not.
        Idempotency? once = command.IdempotencyKey is null ? null : new Idempotency(command.IdempotencyKey, Fingerprint(entry.What, JsonSerializer.Serialize(form, Json.Options)));
        // From the row read above: the store commits against it without reading it again (a row changed since is read again).
        Outcome<ChangeResult> changed = await obligations.ChangeAsync(
            obligation,
            o => o.CheckRevision(command.IfMatch).Then(x => StillAttached(saved, x) ? (command.Draft ? x.SaveDraft(figures) : x.Submit(now, today, figures)) : Outcome.Conflict<Obligation>(CycleMessages.Stale)),
            entry,
            once,
            cancellationToken).ConfigureAwait(false);
        return changed.Map(c => new SavedReport(c.Obligation, c.Replayed));
    }

    /// <summary>The dated deadlines the lead unit is asked about (是否按期完成); last quarter's summary is read only when the task has any.</summary>
    private async Task<IReadOnlyList<TaskDeadline>> AskedAsync(CycleContext cycle, int task, CancellationToken cancellationToken)
    {
        PlanTask? planned = cycle.Lookup.FindTask(task);
        Core.Calendar.Quarter quarter = cycle.Record.Frame.Quarter;
        if (planned is null || !planned.Deadlines.Any(d => d.Date <= quarter.LastDay))
        {
            return [];
        }

        return DeadlineQuestions.Asked(planned, quarter, await archive.MetEarlierAsync(cycle.Record.Frame, cancellationToken).ConfigureAwait(false));
    }

    private static string Fingerprint(string what, string form) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(what + "\n" + form)))[..32];

    /// <summary>Every file the saved form names is still attached: a file removed meanwhile may already have lost its bytes (<see cref="DetachFileUseCase"/>).</summary>
    private static bool StillAttached(SavedForm saved, Obligation current) =>
        (saved.Attachments ?? []).All(f => current.Files.Any(c => c.Id == f.Id));
}

/// <param name="IfMatch">The revision tag the form showed (<see cref="Obligation.RevisionTag"/>).</param>
public sealed record SaveReportCommand(string CycleId, string UnitId, int Task, SubmissionForm Form, bool Draft, string? IfMatch = null, string? IdempotencyKey = null);

public sealed record SavedReport(Obligation Obligation, bool Replayed);
