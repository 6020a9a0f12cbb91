namespace SixStability.Workflow.Ports;

/// <summary>A stored value with the ETag that guards its next change.</summary>
public sealed record Versioned<T>(T Value, string ETag);
