using SixStability.Core.Units;

namespace SixStability.Core.Notifications;

/// <summary>Someone told at an escalation level, and what they are told about.</summary>
/// <param name="Unit">The late unit's id when the reader is that unit; null for leaders and offices.</param>
public sealed record EscalationReader(string Key, string Name, Contact Contact, IReadOnlyList<LateItem> Late, string? Unit = null, Uri? Link = null);
