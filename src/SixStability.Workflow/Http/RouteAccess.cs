namespace SixStability.Workflow.Http;

/// <summary>Who may call a route: every route of the table states it (README, "Who may do what").</summary>
public sealed class RouteAccess
{
    private RouteAccess(RouteAccessKind kind, IReadOnlyList<Role> roles)
    {
        Kind = kind;
        Roles = roles;
    }

    public static RouteAccess Anyone { get; } = new(RouteAccessKind.Anyone, []);

    public static RouteAccess Unit { get; } = new(RouteAccessKind.Unit, []);

    public RouteAccessKind Kind { get; }

    /// <summary>For <see cref="RouteAccessKind.People"/>: the roles that may call it (the admin key acts as 协调员).</summary>
    public IReadOnlyList<Role> Roles { get; }

    public static RouteAccess People(params Role[] roles) => new(RouteAccessKind.People, [.. roles.Distinct().Order()]);

    public bool Allows(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Kind == RouteAccessKind.People && actor.Roles.Any(Roles.Contains);
    }

    /// <summary>As README's table says it: 协调员、督查室, 单位专属链接, 任何人.</summary>
    public override string ToString() => Kind switch
    {
        RouteAccessKind.Anyone => "任何人",
        RouteAccessKind.Unit => "单位专属链接",
        _ => string.Join("、", Roles.Select(r => r.Chinese())),
    };
}
