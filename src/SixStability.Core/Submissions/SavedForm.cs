namespace SixStability.Core.Submissions;

/// <summary>A saved form as kept in the revision history: the form (indicator values as they stand after it) and the files attached when it was saved.</summary>
public sealed record SavedForm(
    string? Narrative = null,
    string? Status = null,
    IReadOnlyList<IndicatorReading>? Indicators = null,
    string? Difficulties = null,
    string? NextSteps = null,
    IReadOnlyList<Attachment>? Attachments = null,
    IReadOnlyList<DeadlineAnswer>? Deadlines = null);
