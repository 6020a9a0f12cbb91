namespace SixStability.Core.Notifications;

/// <summary>Someone told at an escalation level, and what they are told about.</summary>
/// <param name="Unit">The late unit's id when the reader is that unit; null for leaders and offices.</param>
/// <param name="Link">The late unit's own link to its form (units only).</param>
/// <param name="Board">For leaders and offices: the cycle's board, which shows them after sign-in what their role allows;
/// in their mail and in their group robot's message.</param>
public sealed record EscalationReader(string Key, string Name, Contact Contact, IReadOnlyList<LateItem> Late, string? Unit = null, Uri? Link = null, Uri? Board = null);
