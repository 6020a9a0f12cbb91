namespace SixStability.Core.Plans.Forms;

/// <summary>
/// A heading of the plan's outline (a section, a （一） or a 1.) with the lines that follow it and the
/// numbered headings under it. Whether a node is a task, a group of tasks or neither is decided once the
/// whole document has been read.
/// </summary>
internal sealed class OutlineNode(PlanLine? heading, int position, int sectionIndex, OutlineNode? parent)
{
    /// <summary>The heading line; null for the part of the document before any section.</summary>
    public PlanLine? Heading { get; } = heading;

    /// <summary>Order in the document, shared with table rows.</summary>
    public int Position { get; } = position;

    /// <summary>Index of the draft section the node belongs to; -1 before any section.</summary>
    public int SectionIndex { get; } = sectionIndex;

    public OutlineNode? Parent { get; } = parent;

    /// <summary>Text, measure, unit and deadline lines, in order.</summary>
    public List<PlanLine> Lines { get; } = [];

    public List<OutlineNode> Children { get; } = [];

    public LineKind Kind => Heading?.Kind ?? LineKind.Section;

    /// <summary>The heading line and everything under it, as lines (a group read as one item).</summary>
    public IEnumerable<PlanLine> Flatten()
    {
        foreach (PlanLine line in Lines)
        {
            yield return line;
        }

        foreach (OutlineNode child in Children)
        {
            if (child.Heading is not null)
            {
                yield return child.Heading with { Kind = LineKind.Text, Rest = child.Heading.Raw };
            }

            foreach (PlanLine line in child.Flatten())
            {
                yield return line;
            }
        }
    }
}
