namespace SixStability.Workflow.Ports;

/// <summary>Makes the signed link a unit's mails carry (<c>{Links:BaseUrl}/u?t=TOKEN</c>).</summary>
public interface ILinkSigner
{
    Uri UnitLink(string unitId, string cycleId, DateTimeOffset expires);
}
