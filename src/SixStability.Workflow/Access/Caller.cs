namespace SixStability.Workflow.Access;

/// <summary>
/// Who sent a request, as the host established it before any handler runs (DevHost: its signed session
/// cookie; the Function app: the principal App Service Authentication put in the request; both: the admin key).
/// </summary>
/// <param name="Actor">Null when nobody is signed in and no valid key came.</param>
public sealed record Caller(CallerCredential Credential, Actor? Actor, string? ClientIp)
{
    public static Caller Anonymous(string? clientIp) => new(CallerCredential.None, null, clientIp);
}
