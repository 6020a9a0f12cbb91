namespace SixStability.Workflow.Access;

/// <summary>
/// A person as the sign-in says they are, before roles are mapped: the App Service principal's object id,
/// name, e-mail and app roles, or DevHost's session of a person chosen from the directory.
/// </summary>
public sealed record SignedInPerson(string Id, string Name, string? Email, IReadOnlyList<string> AppRoles);
