using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans.Forms;

/// <summary>What the importer read from a document: title, date, sections and every numbered item.</summary>
internal sealed record ParsedPlan(
    string Title,
    DateOnly? Issued,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<PlanWarning> Warnings);
