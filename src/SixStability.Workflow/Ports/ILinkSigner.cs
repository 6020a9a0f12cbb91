namespace SixStability.Workflow.Ports;

/// <summary>Makes the signed link a unit's mails carry (<c>{Links:BaseUrl}/u?t=TOKEN</c>).</summary>
public interface ILinkSigner
{
    Uri UnitLink(string unitId, string cycleId, DateTimeOffset expires);

    /// <summary>The coordinator's board (<c>{Links:BaseUrl}/coord</c>): unsigned, it asks for the admin key itself.</summary>
    Uri BoardLink();
}
