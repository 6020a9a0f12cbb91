namespace SixStability.Workflow.Reviews;

/// <summary>
/// 通过: the coordinator accepts a submitted report as it stands; it becomes 已审核 (the board, the counts, the summary).
/// With the revision the coordinator read (If-Match), a resubmission or return in between is refused as a conflict, so
/// nobody accepts a text they did not read. Accepting an accepted report again changes nothing (the audit row says so).
/// </summary>
public sealed class AcceptSubmissionUseCase(CycleContextLoader loader, IObligationStore obligations, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Obligation>> RunAsync(AcceptSubmissionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<CycleContext> found = await loader.FindOpenAsync(command.CycleId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<Obligation>();
        }

        CycleContext cycle = found.Value!;
        Obligation? current = await obligations.GetAsync(command.CycleId, command.UnitId, command.Task, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Outcome.NotFound<Obligation>(CycleMessages.UnitHasNoTask(command.UnitId, command.Task));
        }

        // A repeat (a second click, a retry) answers with the obligation as it is and writes no new revision; the trail
        // still has the call, as it has every call it answered with success, saying that nothing changed.
        if (current.IsAccepted && (command.IfMatch is null || command.IfMatch == current.RevisionTag))
        {
            string state = Accepted(current.Revision);
            await audit.RecordAsync(command.Actor, AuditAction.AcceptSubmission, new AuditChange(command.CycleId, AuditSubjects.Task(current.UnitId, cycle.Lookup.FindUnit(current.UnitId), current.TaskNumber), state, state, AlreadyAccepted)).ConfigureAwait(false);
            return current;
        }

        DateTimeOffset now = clock.GetUtcNow();
        Outcome<Obligation> changed = await ReviewedTask.ChangeAsync(obligations, command.CycleId, command.UnitId, command.Task, o => o.CheckRevision(command.IfMatch).Then(x => x.Accept(now)), new HistoryEntry(now, "coordinator", "accepted"), cancellationToken).ConfigureAwait(false);
        if (!changed.IsOk)
        {
            return changed;
        }

        Obligation accepted = changed.Value!;
        await audit.RecordAsync(command.Actor, AuditAction.AcceptSubmission, new AuditChange(command.CycleId, AuditSubjects.Task(accepted.UnitId, cycle.Lookup.FindUnit(accepted.UnitId), accepted.TaskNumber), AuditSubjects.Revision(accepted.Revision - 1), Accepted(accepted.Revision), null)).ConfigureAwait(false);
        return accepted;
    }

    private const string AlreadyAccepted = "此前已审核通过，未作改动";

    private static string Accepted(int revision) => $"{AuditSubjects.Revision(revision)}（{ReviewState.Accepted}）";
}

/// <param name="IfMatch">The revision tag the coordinator read (<see cref="Obligation.RevisionTag"/>); null accepts whatever stands.</param>
/// <param name="Actor">Who accepts it, for the audit trail.</param>
public sealed record AcceptSubmissionCommand(string CycleId, string UnitId, int Task, string? IfMatch, Actor Actor);
