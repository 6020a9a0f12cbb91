namespace SixStability.Core.Units;

/// <summary>
/// Who is who: every unit a plan names, the leaders they report to, the groups a plan may name
/// instead of units, and the people the cycle speaks to.
/// </summary>
public sealed record UnitDirectory(
    Contact Coordinator,
    Contact SupervisionOffice,
    IReadOnlyList<Contact> SummaryRecipients,
    IReadOnlyList<Leader> Leaders,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<UnitGroup> Groups);

/// <summary>A mailbox with the name a person reads (市发改委, 市政府督查室).</summary>
/// <param name="Channels">Group robots that also carry this reader's escalations (<see cref="ChannelAddress"/>).</param>
/// <param name="Person">Who answers there (联系人), named in mail so a clerk knows whom to call.</param>
/// <param name="Phone">That person's phone (联系电话), as people write it: 0798-8222333, 13800000000.</param>
public sealed record Contact(string Name, string Email, IReadOnlyList<ChannelAddress>? Channels = null, string? Person = null, string? Phone = null);

/// <summary>A city leader a unit reports to (分管市领导).</summary>
/// <param name="Channels">Group robots of the leader's office that also carry escalations.</param>
public sealed record Leader(string Id, string Name, string Title, string Email, IReadOnlyList<ChannelAddress>? Channels = null);

/// <param name="Id">Lowercase ASCII code, used in keys, links and mail headers.</param>
/// <param name="Leader">Id of the unit's 分管市领导.</param>
/// <param name="Aliases">Other ways plans write the name (高新区管委会 for 景德镇高新区管委会).</param>
/// <param name="Channels">Group robots where the unit's clerks also read reminders and escalations.</param>
/// <param name="ContactPerson">The unit's 联络员, whom the coordinator and leaders call about a late report.</param>
/// <param name="Phone">The 联络员's phone.</param>
public sealed record Unit(
    string Id,
    string Name,
    UnitKind Kind,
    string Email,
    string Leader,
    IReadOnlyList<string>? Aliases = null,
    string? FullName = null,
    IReadOnlyList<ChannelAddress>? Channels = null,
    string? ContactPerson = null,
    string? Phone = null);

public enum UnitKind
{
    /// <summary>市直部门 or a central unit in the city (市人社局, 景德镇海关).</summary>
    Department,

    /// <summary>县（市、区）人民政府.</summary>
    CountyGovernment,

    /// <summary>园区管委会.</summary>
    ParkCommittee,
}

/// <summary>A name a plan uses for several units (各县〔市、区〕政府, 园区管委会, 市直有关部门).</summary>
/// <param name="Members">Unit ids.</param>
public sealed record UnitGroup(string Name, IReadOnlyList<string> Members, IReadOnlyList<string>? Aliases = null);
