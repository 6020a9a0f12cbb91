using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>Everything a step needs about its cycle, loaded once per activity.</summary>
public sealed class CycleContextLoader(ICycleStore cycles, IPlanStore plans, IDirectoryStore directory, BusinessCalendar china)
{
    public async Task<CycleContext> LoadAsync(string cycleId, CancellationToken cancellationToken)
    {
        CycleRecord record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Cycle {cycleId} does not exist.");
        PlanCatalog plan = (await plans.GetAsync(record.Frame.PlanId, cancellationToken).ConfigureAwait(false))?.Value
            ?? throw new InvalidOperationException($"Plan {record.Frame.PlanId} does not exist.");
        UnitDirectory units = (await directory.GetAsync(cancellationToken).ConfigureAwait(false))?.Value
            ?? throw new InvalidOperationException("No unit directory.");
        return new CycleContext(record, plan, units, record.Frame.Calendar(china));
    }
}

public sealed record CycleContext(CycleRecord Record, PlanCatalog Plan, UnitDirectory Directory, BusinessCalendar Calendar)
{
    private readonly UnitResolver resolver = new(Directory);

    public CycleFacts Facts => new(Record.CycleId, Plan.Title, Record.Frame.Quarter, Directory.Coordinator);

    public Unit Unit(string id) => resolver.FindUnit(id) ?? throw new InvalidOperationException($"Unit {id} is not in the directory.");

    public PlanTask Task(int number) => Plan.FindTask(number) ?? throw new InvalidOperationException($"Task {number} is not in plan {Plan.PlanId}.");

    /// <summary>Links stay valid a month past the close, so late readers still see a clear page.</summary>
    public DateTimeOffset LinkExpiry(BusinessCalendar china, IEnumerable<DateOnly> dues) =>
        CycleTimeline.Build(Record.Frame, Record.Policy, china, dues)[^1].At.AddDays(30);
}
