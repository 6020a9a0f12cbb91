
namespace SixStability.Core.Submissions;

/// <summary>What a unit fills in for one task, from the API (JSON) or the page (a form post); every field may be missing in a draft.</summary>
public sealed record SubmissionForm(
    string? Narrative = null,
    string? Status = null,
    IReadOnlyList<IndicatorReading>? Indicators = null,
    string? Difficulties = null,
    string? NextSteps = null);

/// <summary>A saved form as kept in the revision history: the form and the files attached when it was saved.</summary>
public sealed record SavedForm(
    string? Narrative = null,
    string? Status = null,
    IReadOnlyList<IndicatorReading>? Indicators = null,
    string? Difficulties = null,
    string? NextSteps = null,
    IReadOnlyList<Attachment>? Attachments = null);
