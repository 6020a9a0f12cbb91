namespace SixStability.Workflow.Access;

/// <summary>How a role reads in Chinese, and the Entra ID app role value it has unless configured otherwise.</summary>
public static class RoleNames
{
    public static string Chinese(this Role role) => role switch
    {
        Role.Coordinator => "协调员",
        Role.Supervision => "督查室",
        Role.Leader => "分管领导",
        _ => "查看",
    };

    /// <summary>The app role's value in the app registration (<c>Auth:Roles:{role}</c> overrides it).</summary>
    public static string DefaultAppRole(this Role role) => role.ToString();
}
