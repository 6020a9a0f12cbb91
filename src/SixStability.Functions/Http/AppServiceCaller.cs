using System.Net;
using Microsoft.Extensions.Configuration;
using SixStability.Workflow.Access;

namespace SixStability.Functions.Http;

/// <summary>
/// Who calls the Function app: the admin key in <c>x-functions-key</c>, else the person App Service
/// Authentication (Microsoft Entra ID) signed in. The principal header is read only when the platform's
/// authentication is on for this app (<c>WEBSITE_AUTH_ENABLED=True</c>, which the platform sets): then the
/// platform removes <c>X-MS-CLIENT-PRINCIPAL*</c> from what clients send and writes its own, so the header is
/// the platform's word. Without it (authentication off, <c>func start</c> on a laptop) anyone could write the
/// header, so nobody is signed in and only the admin key works.
/// </summary>
public sealed class AppServiceCaller(IConfiguration configuration, CallerResolver resolver)
{
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>True when App Service Authentication is on for the app, so its principal header can be trusted.</summary>
    public bool TrustsPrincipalHeader { get; } = string.Equals(configuration[EnabledSetting], "True", StringComparison.OrdinalIgnoreCase);

    public Caller Identify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SignedInPerson? person = TrustsPrincipalHeader ? ClientPrincipalHeader.Read(request.Headers[ClientPrincipalHeader.Name].ToString()) : null;
        return resolver.Resolve(request, person, ClientAddress(request));
    }

    /// <summary>
    /// The client's address as App Service's front end recorded it: the last public address of
    /// <c>X-Forwarded-For</c> (the front end appends the peer it saw; the Functions host's own hop to the
    /// worker is a private address), without its port; the connection's peer when there is none.
    /// </summary>
    public static string? ClientAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (string hop in request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            if (Address(hop) is { } address && !IPAddress.IsLoopback(address) && !IsPrivate(address))
            {
                return address.ToString();
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>An address with or without its port: 203.0.113.7, 203.0.113.7:51234, [2001:db8::1]:443.</summary>
    private static IPAddress? Address(string hop)
    {
        if (IPAddress.TryParse(hop, out IPAddress? plain))
        {
            return plain;
        }

        return IPEndPoint.TryParse(hop, out IPEndPoint? endpoint) ? endpoint.Address : null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        byte[] b = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            : address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC;
    }
}
