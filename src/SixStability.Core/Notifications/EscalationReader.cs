using SixStability.Core.Units;

namespace SixStability.Core.Notifications;

/// <summary>Someone told at an escalation level, and what they are told about.</summary>
/// <param name="Unit">The late unit's id when the reader is that unit; null for leaders and offices.</param>
/// <param name="Link">The late unit's own link (units only).</param>
/// <param name="Board">The coordinator's board (/coord), for the coordinator's group robot; mail does not carry it.</param>
public sealed record EscalationReader(string Key, string Name, Contact Contact, IReadOnlyList<LateItem> Late, string? Unit = null, Uri? Link = null, Uri? Board = null);
