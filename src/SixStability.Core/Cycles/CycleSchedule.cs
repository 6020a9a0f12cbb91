namespace SixStability.Core.Cycles;

/// <summary>A cycle's timeline: open → reminders → due → escalation levels → close.</summary>
public sealed record CycleSchedule(Quarter Quarter, IReadOnlyList<ScheduleStep> Steps)
{
    [JsonIgnore]
    public ScheduleStep Open => Steps.First(s => s.Kind == StepKind.Open);

    [JsonIgnore]
    public ScheduleStep Due => Steps.First(s => s.Kind == StepKind.Due);

    [JsonIgnore]
    public ScheduleStep Close => Steps.First(s => s.Kind == StepKind.Close);
}

/// <param name="Level">The escalation level (1 = 黄, 2 = 橙, 3 = 红) for escalation steps; null otherwise.</param>
public sealed record ScheduleStep(
    StepKind Kind,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Level = null);

public enum StepKind
{
    Open,
    Reminder,
    Due,
    Escalation,
    Close,
}
