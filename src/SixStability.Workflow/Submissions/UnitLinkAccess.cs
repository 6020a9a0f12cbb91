using SixStability.Core.Links;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// The one check of a unit's signed link (<c>Authorization: Bearer …</c> or <c>?t=</c>): the link grants
/// that unit in that cycle, nothing else. The API answers problem+json; the page its own zh-CN page.
/// </summary>
public sealed class UnitLinkAccess(ILinkVerifier links, TimeProvider clock)
{
    /// <summary>The unit and cycle a link grants, or null when it is tampered, expired or not a unit's link.</summary>
    public LinkClaims? Verify(string? token) =>
        links.Verify(token, clock.GetUtcNow()) is { Purpose: LinkTokens.UnitPurpose } claims ? claims : null;

    public static string? Token(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string header = request.Headers.Authorization.ToString();
        string token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Query["t"].ToString();
        return token.Length > 0 ? token : null;
    }

    /// <summary>For the API: the claims, or the 401 to answer.</summary>
    public (LinkClaims? Claims, ApiResult? Denied) Authorize(HttpRequest request)
    {
        string? token = Token(request);
        if (token is null)
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "需要专属链接", "请使用邮件中的专属链接访问。"));
        }

        return Verify(token) is { } claims
            ? (claims, null)
            : (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "链接无效或已过期", "该链接无效或已过期，请使用最新邮件中的链接，或联系市发改委。"));
    }
}
