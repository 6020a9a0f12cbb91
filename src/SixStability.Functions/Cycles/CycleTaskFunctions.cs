using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Notifications;

namespace SixStability.Functions.Cycles;

/// <summary>
/// The one place the Function app wires the cycle's classes to triggers (no DurableTask source
/// generator here): one small [Function] per orchestrator and activity, delegating to the class
/// that DevHost and the tests run too. Activities take no context, so none is passed.
/// </summary>
public sealed class CycleTaskFunctions(IServiceProvider services)
{
    [Function(nameof(CycleOrchestrator))]
    public static Task<CycleResult> RunCycle([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CycleOrchestrator().RunAsync(context, context.GetInput<CycleInput>()!);
    }

    [Function(nameof(OpenCycleActivity))]
    public Task<OpenCycleResult> OpenCycle([ActivityTrigger] CycleInput input) => Activity<OpenCycleActivity>().RunAsync(null!, input);

    [Function(nameof(RunStepForUnitsActivity))]
    public Task<CycleCounts> RunStepForUnits([ActivityTrigger] StepUnitsInput input) => Activity<RunStepForUnitsActivity>().RunAsync(null!, input);

    [Function(nameof(EscalationDigestActivity))]
    public Task<int> EscalationDigest([ActivityTrigger] StepInput input) => Activity<EscalationDigestActivity>().RunAsync(null!, input);

    [Function(nameof(DeliverQueuedActivity))]
    public Task<RobotBacklog> DeliverQueued([ActivityTrigger] string cycleId) => Activity<DeliverQueuedActivity>().RunAsync(null!, cycleId);

    [Function(nameof(ExtendDeadlineActivity))]
    public Task<IReadOnlyList<CycleTick>> ExtendDeadline([ActivityTrigger] ExtendDeadlineInput input) => Activity<ExtendDeadlineActivity>().RunAsync(null!, input);

    [Function(nameof(CancelCycleActivity))]
    public Task<bool> CancelCycle([ActivityTrigger] string cycleId) => Activity<CancelCycleActivity>().RunAsync(null!, cycleId);

    [Function(nameof(CloseCycleActivity))]
    public Task<CycleResult> CloseCycle([ActivityTrigger] string cycleId) => Activity<CloseCycleActivity>().RunAsync(null!, cycleId);

    [Function(nameof(RecordProblemActivity))]
    public Task<bool> RecordProblem([ActivityTrigger] CycleProblemInput input) => Activity<RecordProblemActivity>().RunAsync(null!, input);

    [Function(nameof(RecordOrchestrationVersionActivity))]
    public Task<bool> RecordOrchestrationVersion([ActivityTrigger] CycleVersionInput input) => Activity<RecordOrchestrationVersionActivity>().RunAsync(null!, input);

    /// <summary>Daily at Cycle:Schedule (01:00 UTC = 09:00 Asia/Shanghai): opens the cycle of the quarter that just ended.</summary>
    [Function("CycleTimer")]
    public async Task CycleTimer([TimerTrigger("%Cycle:Schedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client) =>
        await services.GetRequiredService<CycleAutoStarter>().RunAsync(new DurableTaskCycleClient(client), CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Daily at 01:30 UTC (09:30 Asia/Shanghai): purges the orchestration history of cycles that ended more
    /// than Durable:PurgeAfterDays ago (default 90) and whose own records are complete; never our tables.
    /// </summary>
    [Function("CycleHistoryPurgeTimer")]
    public async Task CycleHistoryPurgeTimer([TimerTrigger("0 30 1 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client)
    {
        var engine = new DurableTaskCycleClient(client);
        await services.GetRequiredService<CycleHistoryPurge>().RunAsync(engine, engine, CancellationToken.None).ConfigureAwait(false);
    }

    private T Activity<T>()
        where T : notnull => services.GetRequiredService<T>();
}
