using SixStability.Core.Links;

namespace SixStability.Workflow.Ports;

/// <summary>Checks a unit's link token (current or previous signing key).</summary>
public interface ILinkVerifier
{
    LinkClaims? Verify(string? token, DateTimeOffset now);
}
