using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans.Forms;

/// <summary>An item with its place in the document, before items are numbered.</summary>
internal sealed record ReadItem(int Position, PlanItem Item);
