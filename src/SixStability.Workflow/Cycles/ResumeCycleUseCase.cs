namespace SixStability.Workflow.Cycles;

/// <summary>
/// 恢复运行: starts a cycle's orchestration again when it failed, was terminated, or ended without
/// closing the cycle (its close failed). It carries on from where the cycle stands: the opening finds
/// the cycle's record, steps whose time has passed run at once, and the outbox keeps anyone from being
/// mailed twice.
/// </summary>
public sealed class ResumeCycleUseCase(ICycleStore cycles, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<CycleStarted>> RunAsync(string cycleId, Actor actor, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(actor);
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Outcome.NotFound<CycleStarted>(CycleMessages.NoCycle(cycleId));
        }

        CycleInstance? instance = await engine.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (!CanResume(record, instance))
        {
            return Outcome.Conflict<CycleStarted>(record.Status == CycleStatus.Open ? "本周期正在正常运行，无需恢复。" : CycleMessages.Ended);
        }

        var input = new CycleInput(cycleId, record.Frame.PlanId, record.Frame.Quarter.ToString(), new CyclePolicyChoice(), clock.GetUtcNow());
        bool started = await engine.TryScheduleAsync(input, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, AuditAction.ResumeCycle, new AuditChange(cycleId, cycleId, instance?.RuntimeStatus ?? "无运行实例", "运行中")).ConfigureAwait(false);
        return new CycleStarted(cycleId, started);
    }

    /// <summary>
    /// A cycle not cancelled whose orchestration failed or was terminated (even mid-close: the close is
    /// safe to run again), or an open one whose orchestration ended without closing it, can be resumed.
    /// </summary>
    public static bool CanResume(CycleRecord record, CycleInstance? instance)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status != CycleStatus.Cancelled
            && (instance?.HasFailed == true || (record.Status == CycleStatus.Open && (instance is null || instance.RuntimeStatus == "Completed")));
    }
}
