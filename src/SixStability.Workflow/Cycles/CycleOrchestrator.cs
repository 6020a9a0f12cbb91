using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SixStability.Core.Cycles;
using SixStability.Workflow.Notifications;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// One quarterly cycle, from opening to close. It sleeps on durable timers between the steps of its
/// timeline and wakes early for a coordinator's command. Submissions never pass through here: each
/// step reads what is still owed at that moment, so the history grows with steps, not submissions.
/// Deterministic: no clock, no I/O, every decision in an activity or a Core function.
/// </summary>
public sealed partial class CycleOrchestrator : TaskOrchestrator<CycleInput, CycleResult>
{
    public const string CommandEvent = "command";

    /// <summary>Passes over the robot queue after a step (20 messages a robot each): enough for 600 readers on one robot.</summary>
    private const int MaxRobotPasses = 30;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10)));

    public override async Task<CycleResult> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger logger = context.CreateReplaySafeLogger<CycleOrchestrator>();

        OpenCycleResult opened = await context.CallActivityAsync<OpenCycleResult>(nameof(OpenCycleActivity), input, Retry);
        IReadOnlyList<CycleTick> timeline = opened.Ticks;
        CycleCounts counts = await RunStepAsync(context, input.CycleId, opened.OpenTick, opened.Pages);
        var done = new HashSet<string>(StringComparer.Ordinal) { opened.OpenTick.StepId };
        Task<CycleCommand>? command = null; // one waiter at a time, or a raised event could go to a stale one

        while (true)
        {
            CycleTick next = timeline.First(t => !done.Contains(t.StepId)); // the close is always last
            context.SetCustomStatus(new CycleProgress(Describe(done.Count == 1 ? opened.OpenTick : null, timeline, done), next.At, counts));
            command ??= context.WaitForExternalEvent<CycleCommand>(CommandEvent);
            using var timerCancel = new CancellationTokenSource();
            Task timer = context.CreateTimer(next.At.UtcDateTime, timerCancel.Token);
            if (await Task.WhenAny(timer, command) == command)
            {
#pragma warning disable CA1849 // CancelAsync would continue off the orchestration's thread and stall the replay
                timerCancel.Cancel();
#pragma warning restore CA1849
                CycleCommand received = await command;
                command = null;
                LogCommand(logger, input.CycleId, received.Kind);
                if (received.Kind == CycleCommandKind.Extend && received.UnitId is not null && received.Due is DateOnly due)
                {
                    timeline = await context.CallActivityAsync<IReadOnlyList<CycleTick>>(nameof(ExtendDeadlineActivity), new ExtendDeadlineInput(input.CycleId, received.UnitId, due, received.Reason), Retry);
                    continue;
                }

                if (received.Kind == CycleCommandKind.Cancel)
                {
                    await context.CallActivityAsync<bool>(nameof(CancelCycleActivity), input.CycleId, Retry);
                    context.SetCustomStatus(new CycleProgress("cancelled", null, counts));
                    return new CycleResult("cancelled", counts);
                }

                if (received.Kind == CycleCommandKind.Close)
                {
                    break;
                }

                continue; // a malformed command changes nothing
            }

            if (next.Kind == StepKind.Close)
            {
                break;
            }

            counts = await RunStepAsync(context, input.CycleId, next, opened.Pages);
            done.Add(next.StepId);
            LogStep(logger, input.CycleId, next.StepId);
        }

        CycleResult result = await context.CallActivityAsync<CycleResult>(nameof(CloseCycleActivity), input.CycleId, Retry);
        context.SetCustomStatus(new CycleProgress("closed", null, result.Counts));
        return result;
    }

    /// <summary>
    /// A step fans out one activity per page of units; an escalation then tells the people above them. Group-robot
    /// messages beyond a robot's allowance wait in the outbox: the orchestration comes back for them on durable
    /// timers (never an activity sleeping for minutes), until none waits or the passes run out (the next step's
    /// passes take the rest).
    /// </summary>
    private static async Task<CycleCounts> RunStepAsync(TaskOrchestrationContext context, string cycleId, CycleTick tick, int pages)
    {
        CycleCounts[] perPage = await Task.WhenAll(Enumerable.Range(0, pages)
            .Select(page => context.CallActivityAsync<CycleCounts>(nameof(RunStepForUnitsActivity), new StepUnitsInput(cycleId, tick, page), Retry)));
        if (tick.Kind == StepKind.Escalation)
        {
            await context.CallActivityAsync<int>(nameof(EscalationDigestActivity), new StepInput(cycleId, tick), Retry);
        }

        for (int pass = 0; pass < MaxRobotPasses; pass++)
        {
            RobotBacklog backlog = await context.CallActivityAsync<RobotBacklog>(nameof(DeliverQueuedActivity), cycleId, Retry);
            if (backlog.NextAt is not DateTimeOffset next)
            {
                break;
            }

            await context.CreateTimer(next.UtcDateTime, CancellationToken.None);
        }

        return perPage.Aggregate(CycleCounts.Zero, (sum, page) => sum.Plus(page));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} received {Command}")]
    private static partial void LogCommand(ILogger logger, string cycleId, CycleCommandKind command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} ran step {Step}")]
    private static partial void LogStep(ILogger logger, string cycleId, string step);

    private static string Describe(CycleTick? justOpened, IReadOnlyList<CycleTick> timeline, HashSet<string> done) =>
        justOpened is not null ? "open" : timeline.LastOrDefault(t => done.Contains(t.StepId))?.StepId ?? "open";
}
