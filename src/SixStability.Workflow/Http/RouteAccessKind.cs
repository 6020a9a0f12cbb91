namespace SixStability.Workflow.Http;

/// <summary>How a route is reached at all: by anyone, by a unit's signed link, or by people with a role.</summary>
public enum RouteAccessKind
{
    /// <summary>Anyone (the API description, static files).</summary>
    Anyone,

    /// <summary>A unit: its signed link, checked by the handler.</summary>
    Unit,

    /// <summary>Signed-in people with one of the route's roles, or a script with the admin key (the coordinator's power).</summary>
    People,
}
