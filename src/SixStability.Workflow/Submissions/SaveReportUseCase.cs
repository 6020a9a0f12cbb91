using System.Text.Json;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Core.Text;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// 报送 or 保存草稿 of one task by the unit a link names: checked by <see cref="SubmissionRules"/>, kept
/// with its history; the revision the form showed guards against a stale form, the idempotency key
/// against a double click.
/// </summary>
public sealed class SaveReportUseCase(UnitObligations units, IObligationStore obligations, TimeProvider clock)
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
        if (SubmissionRules.Check(command.Form, obligation.IsLead ? cycle.Lookup.Indicators(command.Task) : [], command.Draft) is { } invalid)
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
        var figures = new ReportedFigures(form.Status ?? string.Empty, readings);

        // The files attached at this moment are part of what was saved.
        var saved = new SavedForm(form.Narrative, form.Status, readings, form.Difficulties, form.NextSteps, obligation.Files);
        string detail = JsonSerializer.Serialize(saved, Json.Options);
        var entry = new HistoryEntry(now, command.UnitId, command.Draft ? "draft" : "submitted", detail);

        // What was asked, not when: the same form sent again under its key is a replay; another form under it is not.
        Idempotency? once = command.IdempotencyKey is null ? null : new Idempotency(command.IdempotencyKey, Fingerprint(entry.What, JsonSerializer.Serialize(form, Json.Options)));
        Outcome<ChangeResult> changed = await obligations.ChangeAsync(
            command.CycleId,
            command.UnitId,
            command.Task,
            o => o.CheckRevision(command.IfMatch).Then(x => command.Draft ? x.SaveDraft(figures) : x.Submit(now, today, figures)),
            entry,
            once,
            cancellationToken).ConfigureAwait(false);
        return changed.Map(c => new SavedReport(c.Obligation, c.Replayed));
    }

    private static string Fingerprint(string what, string form) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(what + "\n" + form)))[..32];
}

/// <param name="IfMatch">The revision tag the form showed (<see cref="Obligation.RevisionTag"/>).</param>
public sealed record SaveReportCommand(string CycleId, string UnitId, int Task, SubmissionForm Form, bool Draft, string? IfMatch = null, string? IdempotencyKey = null);

public sealed record SavedReport(Obligation Obligation, bool Replayed);
