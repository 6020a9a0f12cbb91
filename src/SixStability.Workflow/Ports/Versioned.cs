namespace SixStability.Workflow.Ports;

/// <summary>A stored value, the version it is, and the ETag that guards its next change.</summary>
public sealed record Versioned<T>(T Value, StoredVersion Version)
{
    public string ETag => Version.ETag;
}

/// <summary>One stored version of a plan or the directory: every version stays readable, so a cycle keeps the ones it opened with.</summary>
/// <param name="Id">Stable id of the version (what a cycle pins).</param>
/// <param name="Number">1, 2, 3 … as people count the versions.</param>
/// <param name="ETag">Guards a change against this version (If-Match).</param>
public sealed record StoredVersion(string Id, int Number, DateTimeOffset StoredAt, string ETag);
