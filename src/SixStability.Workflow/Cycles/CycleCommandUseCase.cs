namespace SixStability.Workflow.Cycles;

/// <summary>
/// The coordinator's commands to a running cycle — extend one unit (延期), close now, cancel — sent to
/// its orchestration as an external event after the rules allow them, and recorded in the audit trail.
/// </summary>
public sealed class CycleCommandUseCase(ICycleStore cycles, CycleContextLoader loader, IObligationStore obligations, AuditTrail audit, BusinessCalendar china, TimeProvider clock)
{
    public async Task<Outcome<CycleCommand>> RunAsync(string cycleId, CycleCommand command, Actor actor, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(engine);
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Outcome.NotFound<CycleCommand>(CycleMessages.NoCycle(cycleId));
        }

        if (record.Status != CycleStatus.Open)
        {
            return Outcome.Closed<CycleCommand>($"报送周期“{cycleId}”已结束，不能再操作。");
        }

        AuditChange change = new(cycleId, cycleId, "进行中", command.Kind == CycleCommandKind.Close ? "关闭" : "取消");
        if (command.Kind == CycleCommandKind.Extend)
        {
            IReadOnlyList<Obligation> owned = string.IsNullOrWhiteSpace(command.UnitId) ? [] : await obligations.ListUnitAsync(cycleId, command.UnitId, cancellationToken).ConfigureAwait(false);
            if (owned.Count == 0)
            {
                return Outcome.Refused<CycleCommand>(RuleViolation.Field("unitId", "不在本周期。", $"单位“{command.UnitId}”在本周期没有报送任务。"));
            }

            DateOnly today = record.Frame.Today(clock.GetUtcNow(), record.Policy);
            if (ExtensionRules.Check(command.Due, owned.Min(o => o.Due), today, new CycleTiming(record.Frame, record.Policy, china), command.Reason, reasonRequired: false) is { } invalid)
            {
                return Outcome.Refused<CycleCommand>(invalid);
            }

            string subject = AuditSubjects.Unit(command.UnitId!, (await loader.FindAsync(cycleId, cancellationToken).ConfigureAwait(false))?.Lookup.FindUnit(command.UnitId!));
            change = new AuditChange(cycleId, subject, DateText(owned.Min(o => o.Due)), DateText(command.Due!.Value), command.Reason);
        }

        await engine.RaiseAsync(cycleId, command, cancellationToken).ConfigureAwait(false);
        AuditAction action = command.Kind switch { CycleCommandKind.Extend => AuditAction.ExtendCycle, CycleCommandKind.Close => AuditAction.CloseCycle, _ => AuditAction.CancelCycle };
        await audit.RecordAsync(actor, action, change).ConfigureAwait(false);
        return command;
    }

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
