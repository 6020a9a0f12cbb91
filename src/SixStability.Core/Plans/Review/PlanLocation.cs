namespace SixStability.Core.Plans.Review;

/// <summary>Where an item or a warning is in the document: a line (a paragraph of a .docx) or a table row.</summary>
public sealed record PlanLocation(int Line, int? Table = null, int? Row = null)
{
    public override string ToString() => Table is int t ? $"表{t}第{Row}行" : $"第{Line}行";
}
