namespace SixStability.Workflow.Access;

/// <summary>
/// Who is acting, as use cases see it: given to them by the handler (never read from HTTP inside a use
/// case) so what they record in the audit trail names the person, key or timer, with its roles.
/// </summary>
/// <param name="Id">The person's stable id (Entra object id; DevHost: the directory entry), <c>admin-key</c> or <c>timer</c>.</param>
/// <param name="Email">The person's e-mail: a 分管领导 reads the units of the directory's leader with this address.</param>
/// <param name="ClientIp">Where the request came from, as the host saw it.</param>
public sealed record Actor(string Id, string Name, IReadOnlyList<Role> Roles, ActorKind Kind, string? Email = null, string? ClientIp = null)
{
    public const string KeyId = "admin-key";

    /// <summary>The daily timer that starts a quarter's cycle on its opening day.</summary>
    public static Actor Timer { get; } = new("timer", "每日定时器", [Role.Coordinator], ActorKind.System);

    /// <summary>A script with the admin key (<c>x-functions-key</c>): the coordinator's power, no person attached.</summary>
    public static Actor Key(string? clientIp) => new(KeyId, "管理员密钥", [Role.Coordinator], ActorKind.Key, null, clientIp);

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>The coordinator and the supervision office read every unit; a leader only theirs.</summary>
    public bool SeesAllUnits => Has(Role.Coordinator) || Has(Role.Supervision);

    /// <summary>The roles as a person reads them: 协调员、查看.</summary>
    public string RoleText => Roles.Count == 0 ? "无角色" : string.Join("、", Roles.Select(r => r.Chinese()));
}
