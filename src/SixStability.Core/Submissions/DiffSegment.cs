namespace SixStability.Core.Submissions;

/// <summary>One run of a text diff: text both revisions share, or text only the new (added) or the old (removed) one has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

public enum DiffKind
{
    Same,
    Added,
    Removed,
}
