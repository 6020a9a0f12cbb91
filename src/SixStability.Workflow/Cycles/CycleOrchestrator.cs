using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// One quarterly cycle, from opening to close. It sleeps on durable timers between the steps of its
/// timeline and wakes early for a coordinator's command. Submissions never pass through here: each
/// step reads what is still owed at that moment, so the history grows with steps, not submissions.
/// A step that still fails after its retries is recorded on the cycle and the cycle goes on: the
/// close always runs. Deterministic: no clock, no I/O, every decision in an activity or a Core function.
/// Versioned (<see cref="CycleOrchestratorVersions"/>): a running cycle replays the branch of the version
/// it started with, so every branch below stays exactly as released until no cycle of its version is
/// open. A change to the step sequence is a new version and a new branch, never an edit of an old one.
/// </summary>
public sealed partial class CycleOrchestrator : TaskOrchestrator<CycleInput, CycleResult>
{
    public const string CommandEvent = "command";

    /// <summary>Passes over the robot queue after a step (20 messages a robot each): enough for 600 readers on one robot.</summary>
    private const int MaxRobotPasses = 30;

    // Transient failures (storage, mail) are tried again for about two and a half minutes; a permanent one is not.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(10))
    {
        HandleFailure = failure => !failure.IsCausedBy<PermanentStepException>(),
    });

    public override async Task<CycleResult> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger logger = context.CreateReplaySafeLogger<CycleOrchestrator>();
        int version = CycleOrchestratorVersions.Number(context.Version);

        OpenCycleResult opened;
        try
        {
            opened = await context.CallActivityAsync<OpenCycleResult>(nameof(OpenCycleActivity), input, Retry);
        }
        catch (TaskFailedException ex)
        {
            // Nothing to run without a record: say why on the cycle and end; the coordinator can resume it.
            await RecordAsync(context, input.CycleId, "open", ex, logger);
            context.SetCustomStatus(new CycleProgress("openFailed", null, CycleCounts.Zero));
            return new CycleResult("openFailed", CycleCounts.Zero);
        }

        if (version >= 2)
        {
            // V2: the record says which version runs the cycle (no engine client tells it on Functions).
            await RecordVersionAsync(context, input.CycleId, logger);
        }

        IReadOnlyList<CycleTick> timeline = opened.Ticks;
        CycleCounts counts = await RunStepAsync(context, input.CycleId, opened.OpenTick, opened.Ranges, logger) ?? CycleCounts.Zero;
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
                CycleCommand? received = await command;
                command = null;
                LogCommand(logger, input.CycleId, received?.Kind);
                switch (received)
                {
                    case { Kind: CycleCommandKind.Extend, UnitId: not null, Due: DateOnly due }:
                        try
                        {
                            timeline = await context.CallActivityAsync<IReadOnlyList<CycleTick>>(nameof(ExtendDeadlineActivity), new ExtendDeadlineInput(input.CycleId, received.UnitId, due, received.Reason), Retry);
                        }
                        catch (TaskFailedException ex)
                        {
                            await RecordAsync(context, input.CycleId, "extension", ex, logger);
                        }

                        continue;
                    case { Kind: CycleCommandKind.Cancel }:
                        try
                        {
                            await context.CallActivityAsync<bool>(nameof(CancelCycleActivity), input.CycleId, Retry);
                        }
                        catch (TaskFailedException ex)
                        {
                            await RecordAsync(context, input.CycleId, "cancel", ex, logger);
                        }

                        context.SetCustomStatus(new CycleProgress("cancelled", null, counts));
                        return new CycleResult("cancelled", counts);
                    case { Kind: CycleCommandKind.Close }:
                        return await CloseAsync(context, input.CycleId, counts, logger);
                    default:
                        continue; // a malformed command changes nothing
                }
            }

            if (next.Kind == StepKind.Close)
            {
                return await CloseAsync(context, input.CycleId, counts, logger);
            }

            counts = await RunStepAsync(context, input.CycleId, next, opened.Ranges, logger) ?? counts;
            done.Add(next.StepId);
            LogStep(logger, input.CycleId, next.StepId);
        }
    }

    /// <summary>The close always runs; if it still fails after its retries the failure stays on the cycle for the coordinator to resume.</summary>
    private static async Task<CycleResult> CloseAsync(TaskOrchestrationContext context, string cycleId, CycleCounts counts, ILogger logger)
    {
        try
        {
            CycleResult result = await context.CallActivityAsync<CycleResult>(nameof(CloseCycleActivity), cycleId, Retry);
            context.SetCustomStatus(new CycleProgress("closed", null, result.Counts));
            return result;
        }
        catch (TaskFailedException ex)
        {
            await RecordAsync(context, cycleId, "close", ex, logger);
            context.SetCustomStatus(new CycleProgress("closeFailed", null, counts));
            return new CycleResult("closeFailed", counts);
        }
    }

    /// <summary>
    /// A step fans out one activity per range of units; an escalation then tells the people above them; then the group-robot
    /// messages that waited for their robot's allowance go. Null when the step failed (recorded).
    /// </summary>
    private static async Task<CycleCounts?> RunStepAsync(TaskOrchestrationContext context, string cycleId, CycleTick tick, int ranges, ILogger logger)
    {
        try
        {
            CycleCounts[] perRange = await Task.WhenAll(Enumerable.Range(0, ranges)
                .Select(range => context.CallActivityAsync<CycleCounts>(nameof(RunStepForUnitsActivity), new StepUnitsInput(cycleId, tick, range), Retry)));
            if (tick.Kind == StepKind.Escalation)
            {
                await context.CallActivityAsync<int>(nameof(EscalationDigestActivity), new StepInput(cycleId, tick), Retry);
            }

            // Part of V1 as released (robot delivery shipped before versions existed): every version runs it.
            await DeliverQueuedAsync(context, cycleId, tick.StepId, logger);
            return perRange.Aggregate(CycleCounts.Zero, (sum, range) => sum.Plus(range));
        }
        catch (TaskFailedException ex)
        {
            await RecordAsync(context, cycleId, tick.StepId, ex, logger);
            return null;
        }
    }

    /// <summary>V2's step: a failure is recorded like any step's, and the cycle goes on.</summary>
    private static async Task RecordVersionAsync(TaskOrchestrationContext context, string cycleId, ILogger logger)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(RecordOrchestrationVersionActivity), new CycleVersionInput(cycleId, CycleOrchestratorVersions.Shown(context.Version)), Retry);
        }
        catch (TaskFailedException ex)
        {
            await RecordAsync(context, cycleId, "version", ex, logger);
        }
    }

    /// <summary>
    /// Group-robot messages beyond a robot's allowance (about 20 a minute) wait in the outbox: the orchestration comes
    /// back for them on durable timers, never an activity sleeping for minutes, until none waits or the passes run out
    /// (the next step's passes take the rest). A failure here is recorded apart from the step: its mail went.
    /// </summary>
    private static async Task DeliverQueuedAsync(TaskOrchestrationContext context, string cycleId, string step, ILogger logger)
    {
        try
        {
            for (int pass = 0; pass < MaxRobotPasses; pass++)
            {
                RobotBacklog backlog = await context.CallActivityAsync<RobotBacklog>(nameof(DeliverQueuedActivity), cycleId, Retry);
                if (backlog.NextAt is not DateTimeOffset next)
                {
                    return;
                }

                await context.CreateTimer(next.UtcDateTime, CancellationToken.None);
            }
        }
        catch (TaskFailedException ex)
        {
            await RecordAsync(context, cycleId, step + "-robots", ex, logger);
        }
    }

    /// <summary>Keeps the failure on the cycle; if even that fails, the log has it and the cycle still goes on.</summary>
    private static async Task RecordAsync(TaskOrchestrationContext context, string cycleId, string step, TaskFailedException failure, ILogger logger)
    {
        string message = failure.FailureDetails.ErrorMessage;
        LogStepFailed(logger, cycleId, step, message);
        try
        {
            await context.CallActivityAsync<bool>(nameof(RecordProblemActivity), new CycleProblemInput(cycleId, step, message), Retry);
        }
        catch (TaskFailedException)
        {
            // Storage itself is failing: nothing more to do here than the log line above.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} received {Command}")]
    private static partial void LogCommand(ILogger logger, string cycleId, CycleCommandKind? command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} ran step {Step}")]
    private static partial void LogStep(ILogger logger, string cycleId, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cycle {CycleId} step {Step} failed after its retries: {Error}")]
    private static partial void LogStepFailed(ILogger logger, string cycleId, string step, string error);

    private static string Describe(CycleTick? justOpened, IReadOnlyList<CycleTick> timeline, HashSet<string> done) =>
        justOpened is not null ? "open" : timeline.LastOrDefault(t => done.Contains(t.StepId))?.StepId ?? "open";
}
