using Microsoft.Extensions.Logging;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// What the daily timer does: for every plan, if today (Asia/Shanghai) is on or after the opening day
/// of the quarter that just ended and before its close, start that quarter's cycle. Starting is
/// idempotent, so a timer that fires twice, or late, makes no second cycle.
/// </summary>
public sealed partial class CycleAutoStarter(IPlanStore plans, BusinessCalendar china, TimeProvider clock, ILogger<CycleAutoStarter> logger)
{
    public async Task<IReadOnlyList<string>> RunAsync(ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        DateTimeOffset now = clock.GetUtcNow();
        Quarter ended = Quarter.Containing(ChinaTime.Today(clock)).Previous;
        CycleSchedule schedule;
        try
        {
            schedule = CycleScheduler.Plan(ended, CyclePolicy.Default, china);
        }
        catch (CalendarYearMissingException ex)
        {
            LogCalendarMissing(logger, ended.ToString(), ex.Year);
            return [];
        }

        if (now < schedule.Open.At || now > schedule.Close.At)
        {
            return [];
        }

        var started = new List<string>();
        foreach (PlanCatalog plan in await plans.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            string cycleId = CycleIds.For(plan.PlanId, ended);
            if (await engine.StartAsync(new CycleInput(cycleId, plan.PlanId, ended.ToString(), new CyclePolicyChoice(), now), cancellationToken).ConfigureAwait(false))
            {
                LogStarted(logger, cycleId);
                started.Add(cycleId);
            }
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No cycle for {Quarter}: the {Year} holiday schedule is not loaded")]
    private static partial void LogCalendarMissing(ILogger logger, string quarter, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer started cycle {CycleId}")]
    private static partial void LogStarted(ILogger logger, string cycleId);
}
