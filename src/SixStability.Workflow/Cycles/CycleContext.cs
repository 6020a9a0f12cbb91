namespace SixStability.Workflow.Cycles;

/// <summary>A cycle with the plan, directory and calendar it runs on.</summary>
/// <param name="China">The China business calendar; the cycle counts on <see cref="Calendar"/>, its frame's view of it.</param>
public sealed record CycleContext(CycleRecord Record, CycleLookup Lookup, BusinessCalendar China)
{
    /// <summary>The calendar the cycle's days count on (every day for a demo, weekdays for unpublished years with an explicit due day).</summary>
    public BusinessCalendar Calendar => Record.Frame.Calendar(China);

    /// <summary>What a new due day is checked against (<see cref="ExtensionRules"/>).</summary>
    public CycleTiming Timing => new(Record.Frame, Record.Policy, China);

    public string CycleId => Record.CycleId;

    public bool IsOpen => Record.Status == CycleStatus.Open;

    public CycleFacts Facts => new(Record.CycleId, Lookup.Plan.Title, Record.Frame.Quarter, Lookup.Directory.Coordinator);

    /// <summary>The cycle's own today at a real instant (a virtual day for a demo).</summary>
    public DateOnly Today(DateTimeOffset now) => Record.Frame.Today(now, Record.Policy);

    private static readonly TimeSpan LinkGrace = TimeSpan.FromDays(30);

    /// <summary>Links stay valid a month past the close, so late readers still see a clear page (the signer holds it to the links' lifetime).</summary>
    public DateTimeOffset LinkExpiry(IEnumerable<DateOnly> dues)
    {
        DateTimeOffset close = CycleTimeline.Build(Record.Frame, Record.Policy, China, dues)[^1].At;
        return DateTimeOffset.MaxValue - close > LinkGrace ? close + LinkGrace : DateTimeOffset.MaxValue;
    }

    /// <summary>What a unit owes on one task, as its mail lists it.</summary>
    public OwedTask Owed(Obligation obligation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        return new OwedTask(obligation.TaskNumber, Lookup.TaskTitle(obligation.TaskNumber), obligation.Due, StepDecisions.WorkingDaysLeft(today, obligation.Due, Calendar));
    }
}
