using System.Text.Json.Serialization;

namespace SixStability.Workflow.Plans.Drafts;

/// <summary>What the review page and scripts read: the draft resolved against today's directory, and what is left to do.</summary>
/// <param name="Ready">The draft would confirm as it stands (<see cref="Problems"/> is empty).</param>
public sealed record PlanDraftView(
    PlanDraft Draft,
    string FileName,
    int Tasks,
    int NotTasks,
    int UnknownUnits,
    bool Ready,
    IReadOnlyList<string> Problems,
    int? ConfirmedVersion,
    [property: JsonIgnore] string ETag);
