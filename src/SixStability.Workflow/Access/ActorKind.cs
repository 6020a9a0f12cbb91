namespace SixStability.Workflow.Access;

/// <summary>Who acted: a signed-in person, a script with the admin key, or the app itself (the daily timer).</summary>
public enum ActorKind
{
    Person,
    Key,
    System,
}
