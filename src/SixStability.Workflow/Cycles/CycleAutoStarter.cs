namespace SixStability.Workflow.Cycles;

/// <summary>
/// What the daily timer does: for every plan, if today (Asia/Shanghai) is on or after the opening day
/// of the quarter that just ended and before its close, start that quarter's cycle. Starting is
/// idempotent (<see cref="StartCycleUseCase"/>), so a timer that fires twice, or late, makes no second cycle.
/// </summary>
public sealed partial class CycleAutoStarter(IPlanStore plans, StartCycleUseCase start, BusinessCalendar china, TimeProvider clock, ILogger<CycleAutoStarter> logger)
{
    public async Task<IReadOnlyList<string>> RunAsync(ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        DateTimeOffset now = clock.GetUtcNow();
        Quarter ended = Quarter.Containing(ChinaTime.Today(clock)).Previous;
        if (CycleFrames.CheckCalendar(new CyclePolicyChoice(), ended, china, ChinaTime.Today(clock)) is not null)
        {
            LogCalendarMissing(logger, ended.ToString());
            return [];
        }

        CycleSchedule schedule = CycleScheduler.Plan(ended, CyclePolicy.Default, china);
        if (now < schedule.Open.At || now > schedule.Close.At)
        {
            return [];
        }

        var started = new List<string>();
        foreach (PlanCatalog plan in await plans.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            Outcome<CycleStarted> outcome = await start.RunAsync(new StartCycleCommand(plan.PlanId, ended.ToString()), Actor.Timer, engine, cancellationToken).ConfigureAwait(false);
            if (outcome is { IsOk: true, Value.Created: true })
            {
                LogStarted(logger, outcome.Value.CycleId);
                started.Add(outcome.Value.CycleId);
            }
            else if (!outcome.IsOk)
            {
                LogNotStarted(logger, plan.PlanId, ended.ToString(), outcome.Message);
            }
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No cycle for {Quarter}: its holiday schedule is not loaded")]
    private static partial void LogCalendarMissing(ILogger logger, string quarter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer started cycle {CycleId}")]
    private static partial void LogStarted(ILogger logger, string cycleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer could not start plan {PlanId} for {Quarter}: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, string planId, string quarter, string reason);
}
