using SixStability.Core.Units;

namespace SixStability.Core.Notifications;

/// <summary>Someone told at an escalation level, and what they are told about.</summary>
/// <param name="Unit">The late unit's id when the reader is that unit; null for leaders and offices.</param>
/// <param name="Link">A unit's signed link to its form.</param>
/// <param name="Board">For leaders and offices: the board of the cycle, which shows them (after sign-in) what their role allows.</param>
public sealed record EscalationReader(string Key, string Name, Contact Contact, IReadOnlyList<LateItem> Late, string? Unit = null, Uri? Link = null, Uri? Board = null);
