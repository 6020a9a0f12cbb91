namespace SixStability.Workflow.Reviews;

/// <summary>退回: the coordinator returns a submitted report for revision with a reason; it is owed again and the unit is mailed the reason.</summary>
public sealed class ReturnSubmissionUseCase(CycleContextLoader loader, IObligationStore obligations, ICycleTallies tallies, MailComposer mail, Notifier notifier, ILinkSigner links, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<Obligation>> RunAsync(ReturnSubmissionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (ReviewRules.CheckReturn(command.Reason) is { } invalid)
        {
            return Outcome.Refused<Obligation>(invalid);
        }

        Outcome<CycleContext> found = await loader.FindOpenAsync(command.CycleId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<Obligation>();
        }

        CycleContext cycle = found.Value!;

        DateTimeOffset now = clock.GetUtcNow();
        Outcome<Obligation> changed = await ReviewedTask.ChangeAsync(obligations, command.CycleId, command.UnitId, command.Task, o => o.CheckRevision(command.IfMatch).Then(x => x.Return(command.Reason!)), new HistoryEntry(now, "coordinator", "returned", command.Reason), cancellationToken).ConfigureAwait(false);
        if (!changed.IsOk)
        {
            return changed;
        }

        Obligation returned = changed.Value!;
        await audit.RecordAsync(command.Actor, AuditAction.ReturnSubmission, new AuditChange(command.CycleId, AuditSubjects.Task(returned.UnitId, cycle.Lookup.FindUnit(returned.UnitId), returned.TaskNumber), AuditSubjects.Revision(returned.Revision - 1), AuditSubjects.Revision(returned.Revision), command.Reason)).ConfigureAwait(false);
        if (cycle.Lookup.FindUnit(returned.UnitId) is { } unit)
        {
            IReadOnlyCollection<DateOnly> dues = await tallies.DueDaysAsync(command.CycleId, cancellationToken).ConfigureAwait(false);
            Uri link = links.UnitLink(returned.UnitId, command.CycleId, cycle.LinkExpiry(dues));
            string step = $"returned-{returned.UnitId}-{returned.TaskNumber}-r{returned.Revision.ToString(CultureInfo.InvariantCulture)}";
            await notifier.SendAsync(await mail.ReturnedAsync(cycle.Facts, step, unit, cycle.Owed(returned, cycle.Today(now)), command.Reason!, link).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        return returned;
    }
}

/// <param name="Actor">Who returns it, for the audit trail.</param>
public sealed record ReturnSubmissionCommand(string CycleId, string UnitId, int Task, string? Reason, Actor Actor)
{
    /// <summary>The revision tag the coordinator read (<see cref="Obligation.RevisionTag"/>); null returns whatever stands.</summary>
    public string? IfMatch { get; init; }
}
