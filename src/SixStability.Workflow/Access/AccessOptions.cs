namespace SixStability.Workflow.Access;

/// <summary>
/// <c>Admin:Key</c>, <c>Auth:Roles:*</c> and what the host sets: its sign-in flow and the key its
/// anti-forgery tokens are signed with.
/// </summary>
public sealed class AccessOptions
{
    /// <summary><c>Admin:Key</c>: what scripts send in <c>x-functions-key</c> (Key Vault secret <c>admin-key</c> in Azure).</summary>
    public string? AdminKey { get; set; }

    /// <summary>Each role's app role value in the Entra ID app registration (<c>Auth:Roles:Coordinator</c> …).</summary>
    public Dictionary<Role, string> AppRoles { get; } = Enum.GetValues<Role>().ToDictionary(r => r, r => r.DefaultAppRole());

    /// <summary>HMAC key of the anti-forgery tokens; the same on every instance (derived from <c>Links:SigningKey</c>).</summary>
    public byte[] TokenKey { get; set; } = [];

    public SignInFlow SignIn { get; set; } = SignInFlow.Local;
}
