namespace SixStability.Infrastructure.Links;

/// <summary><c>Links:*</c>.</summary>
public sealed class LinkOptions
{
    /// <summary><c>Links:SigningKey</c>: the HMAC key (Key Vault in Azure).</summary>
    public string? SigningKey { get; set; }

    /// <summary><c>Links:PreviousSigningKey</c>: still accepted after a rotation, until its links expire.</summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary><c>Links:BaseUrl</c>: where units open their links.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:7071");
}
