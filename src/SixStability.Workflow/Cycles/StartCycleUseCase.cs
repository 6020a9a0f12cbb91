namespace SixStability.Workflow.Cycles;

/// <summary>
/// Starts a plan's cycle for a quarter, once: its id is the orchestration's instance id, so a second
/// start (a timer retry, a second click) finds the first. The coordinator's route and the daily timer
/// both start cycles here; each start that is not refused is recorded in the audit trail with who started it.
/// </summary>
public sealed class StartCycleUseCase(IPlanStore plans, IDirectoryStore directory, AuditTrail audit, BusinessCalendar china, TimeProvider clock)
{
    /// <param name="actor">The coordinator, a key, or <see cref="Actor.Timer"/>.</param>
    public async Task<Outcome<CycleStarted>> RunAsync(StartCycleCommand command, Actor actor, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(engine);
        CyclePolicyChoice policy = command.Policy ?? new CyclePolicyChoice();
        Outcome<Quarter> quarter = StartCycleRules.Check(command.PlanId, command.Quarter, policy, china, ChinaTime.Today(clock));
        if (!quarter.IsOk)
        {
            return quarter.As<CycleStarted>();
        }

        if (await plans.GetAsync(command.PlanId!, null, cancellationToken).ConfigureAwait(false) is null)
        {
            return Outcome.Refused<CycleStarted>(RuleViolation.Field("planId", "不存在。", $"方案“{command.PlanId}”不存在，请先导入。"));
        }

        if (await directory.GetAsync(null, cancellationToken).ConfigureAwait(false) is null)
        {
            return Outcome.Conflict<CycleStarted>("尚未导入单位名录。");
        }

        string cycleId = CycleIds.For(command.PlanId!, quarter.Value);
        CycleInstance? existing = await engine.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        bool created = false;
        if (existing is null || existing.HasFailed)
        {
            var input = new CycleInput(cycleId, command.PlanId!, quarter.Value.ToString(), policy, clock.GetUtcNow());
            created = await engine.TryScheduleAsync(input, cancellationToken).ConfigureAwait(false);
        }

        // A person's or a key's every start is recorded; the daily timer's only when it started something,
        // or it would add a row each day of the opening window.
        if (created || actor.Kind != ActorKind.System)
        {
            await audit.RecordAsync(actor, AuditAction.StartCycle, new AuditChange(cycleId, command.PlanId!, null, cycleId, created ? "新周期" : "周期已存在，未重复启动")).ConfigureAwait(false);
        }

        return new CycleStarted(cycleId, created);
    }
}

/// <param name="Policy">Null for the default timing on the China calendar.</param>
public sealed record StartCycleCommand(string? PlanId, string? Quarter, CyclePolicyChoice? Policy = null);

/// <param name="Created">False when the cycle had been started before.</param>
public sealed record CycleStarted(string CycleId, bool Created);
