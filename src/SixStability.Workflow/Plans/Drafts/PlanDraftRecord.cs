using SixStability.Core.Plans.Review;

namespace SixStability.Workflow.Plans.Drafts;

/// <summary>A plan's draft as kept between the coordinator's requests.</summary>
/// <param name="FileName">The uploaded file's name, shown on the review page.</param>
/// <param name="ConfirmedVersion">The plan version this draft became, once confirmed.</param>
/// <param name="Confirmed">
/// The corrections of the last confirmed draft: replayed on the next upload of the plan, so the same file
/// uploaded again confirms to the same catalog (same task numbers) without the review being redone.
/// </param>
public sealed record PlanDraftRecord(PlanDraft Draft, string FileName, int? ConfirmedVersion, IReadOnlyList<PlanCorrection> Confirmed);
