namespace SixStability.Core.Submissions;

/// <summary>What a unit fills in for one task, from the API (JSON) or the page (a form post); every field may be missing in a draft.</summary>
/// <param name="Indicators">Values given now; an indicator not listed keeps the value reported before.</param>
/// <param name="ClearIndicators">Indicators whose earlier value is withdrawn on purpose.</param>
public sealed record SubmissionForm(
    string? Narrative = null,
    string? Status = null,
    IReadOnlyList<IndicatorReading>? Indicators = null,
    string? Difficulties = null,
    string? NextSteps = null,
    IReadOnlyList<string>? ClearIndicators = null);
