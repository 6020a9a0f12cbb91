namespace SixStability.Workflow.Access;

/// <summary>Addresses of the signed-in pages that mail points at (<c>Links:BaseUrl</c>).</summary>
public sealed class PageLinks(Uri baseUrl)
{
    /// <summary>The board of one cycle: after sign-in, each reader sees what their role allows (a leader: their units).</summary>
    public Uri Board(string cycleId) => new(baseUrl, "coord?cycle=" + Uri.EscapeDataString(cycleId));
}
