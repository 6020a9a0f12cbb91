using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Starts a plan's cycle for a quarter, once: its id is the orchestration's instance id, so a second
/// start (a timer retry, a second click) finds the first. The coordinator's route and the daily timer
/// both start cycles here.
/// </summary>
public sealed class StartCycleUseCase(IPlanStore plans, IDirectoryStore directory, BusinessCalendar china, TimeProvider clock)
{
    public async Task<Outcome<CycleStarted>> RunAsync(StartCycleCommand command, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
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
        if (existing is not null && !existing.HasFailed)
        {
            return new CycleStarted(cycleId, Created: false);
        }

        var input = new CycleInput(cycleId, command.PlanId!, quarter.Value.ToString(), policy, clock.GetUtcNow());
        return new CycleStarted(cycleId, await engine.TryScheduleAsync(input, cancellationToken).ConfigureAwait(false));
    }
}

/// <param name="Policy">Null for the default timing on the China calendar.</param>
public sealed record StartCycleCommand(string? PlanId, string? Quarter, CyclePolicyChoice? Policy = null);

/// <param name="Created">False when the cycle had been started before.</param>
public sealed record CycleStarted(string CycleId, bool Created);
