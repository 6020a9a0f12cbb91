namespace SixStability.Core.Submissions;

/// <summary>What a unit fills in for one task, from the API (JSON) or the page (a form post); every field may be missing in a draft.</summary>
/// <param name="Indicators">Values given now; an indicator not listed keeps the value reported before.</param>
/// <param name="ClearIndicators">Indicators whose earlier value is withdrawn on purpose.</param>
/// <param name="Deadlines">The lead unit's 是否按期完成 for the task's dated deadlines; a client that sends the
/// list answers every deadline asked, one that leaves it out (written before it existed) is still accepted.</param>
public sealed record SubmissionForm(
    string? Narrative = null,
    string? Status = null,
    IReadOnlyList<IndicatorReading>? Indicators = null,
    string? Difficulties = null,
    string? NextSteps = null,
    IReadOnlyList<string>? ClearIndicators = null,
    IReadOnlyList<DeadlineAnswer>? Deadlines = null);
