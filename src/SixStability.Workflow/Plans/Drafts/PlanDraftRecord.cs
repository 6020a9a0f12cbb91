namespace SixStability.Workflow.Plans.Drafts;

/// <summary>A plan's draft as kept between the coordinator's requests.</summary>
/// <param name="FileName">The uploaded file's name, shown on the review page.</param>
/// <param name="ConfirmedVersion">The plan version this draft became, once confirmed.</param>
/// <param name="Confirmed">
/// The corrections of the last confirmed draft: replayed when the same file (<paramref name="ConfirmedHash"/>) is
/// uploaded again, so it confirms to the same catalog (same task numbers) without the review being redone. Never
/// replayed on another file: corrections name items by their place, and a revised file moves them.
/// </param>
/// <param name="FileHash">SHA-256 of the uploaded file.</param>
/// <param name="ConfirmedHash">SHA-256 of the file the last confirmed draft was made from.</param>
/// <param name="PlanETag">The plan's ETag when the file was uploaded: confirming over a plan replaced since is a conflict.</param>
public sealed record PlanDraftRecord(
    PlanDraft Draft,
    string FileName,
    int? ConfirmedVersion,
    IReadOnlyList<PlanCorrection> Confirmed,
    string? FileHash = null,
    string? ConfirmedHash = null,
    string? PlanETag = null);
