namespace SixStability.Workflow.Reviews;

/// <summary>
/// The coordinator decides a unit's 延期申请: approved, the cycle moves that unit's date (and tells it,
/// <see cref="ExtendDeadlineActivity"/>); refused, the unit is mailed at once. The date must still
/// pass <see cref="ExtensionRules"/> on the day of the decision.
/// </summary>
public sealed class DecideExtensionUseCase(CycleContextLoader loader, IObligationStore obligations, ICycleTallies tallies, MailComposer mail, Notifier notifier, ILinkSigner links, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ExtensionRequest>> RunAsync(DecideExtensionCommand command, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(engine);
        if (ReviewRules.CheckDecision(command.Approve) is { } undecided)
        {
            return Outcome.Refused<ExtensionRequest>(undecided);
        }

        Outcome<CycleContext> found = await loader.FindOpenAsync(command.CycleId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<ExtensionRequest>();
        }

        CycleContext cycle = found.Value!;

        ExtensionRequest? pending = await obligations.GetExtensionRequestAsync(command.CycleId, command.UnitId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Obligation> owned = await obligations.ListUnitAsync(command.CycleId, command.UnitId, cancellationToken).ConfigureAwait(false);
        if (pending is not { State: ExtensionRequestState.Pending } || owned.Count == 0)
        {
            return Outcome.NotFound<ExtensionRequest>($"单位“{command.UnitId}”没有待审批的延期申请。");
        }

        bool approve = command.Approve!.Value;
        DateOnly currentDue = owned.Min(o => o.Due);
        DateTimeOffset now = clock.GetUtcNow();
        RuleViolation? invalid = approve
            ? ExtensionRules.Check(pending.Due, currentDue, cycle.Today(now), cycle.Timing, command.Note, reasonRequired: false, reasonField: "note")
            : ExtensionRules.CheckReason(command.Note, required: false, field: "note");
        if (invalid is not null)
        {
            return Outcome.Refused<ExtensionRequest>(invalid);
        }

        ExtensionRequest decided = pending with { State = approve ? ExtensionRequestState.Approved : ExtensionRequestState.Refused, Note = command.Note };
        await obligations.SaveExtensionRequestAsync(decided, cancellationToken).ConfigureAwait(false);
        if (approve)
        {
            await engine.RaiseAsync(command.CycleId, new CycleCommand(CycleCommandKind.Extend, command.UnitId, pending.Due, command.Note ?? pending.Reason), cancellationToken).ConfigureAwait(false);
        }
        else if (cycle.Lookup.FindUnit(command.UnitId) is { } unit)
        {
            IReadOnlyCollection<DateOnly> dues = await tallies.DueDaysAsync(command.CycleId, cancellationToken).ConfigureAwait(false);
            Uri link = links.UnitLink(command.UnitId, command.CycleId, cycle.LinkExpiry(dues));
            string step = $"extension-refused-{command.UnitId}-{pending.RequestedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
            await notifier.SendAsync(await mail.ExtensionDecisionAsync(cycle.Facts, step, unit, approved: false, currentDue, command.Note, link).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        string dueText = pending.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await audit.RecordAsync(command.Actor, AuditAction.DecideExtension, new AuditChange(command.CycleId, AuditSubjects.Unit(command.UnitId, cycle.Lookup.FindUnit(command.UnitId)), $"待审批（申请延期至 {dueText}）", approve ? $"同意，截止 {dueText}" : "不同意", command.Note)).ConfigureAwait(false);
        return decided;
    }
}

/// <param name="Actor">Who decides, for the audit trail.</param>
public sealed record DecideExtensionCommand(string CycleId, string UnitId, bool? Approve, string? Note, Actor Actor);
