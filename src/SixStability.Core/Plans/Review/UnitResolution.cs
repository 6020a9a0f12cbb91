namespace SixStability.Core.Plans.Review;

/// <summary>How a unit name the plan writes stands against the unit directory.</summary>
/// <param name="Name">The name as the plan writes it.</param>
/// <param name="UnitId">The unit it names (<see cref="UnitMatch.Unit"/>, <see cref="UnitMatch.Alias"/>, or an accepted unit).</param>
/// <param name="DirectoryName">The unit's or group's name in the directory (景德镇高新区管委会 for 高新区管委会).</param>
/// <param name="Group">The group it names (<see cref="UnitMatch.Group"/>, or an accepted group).</param>
/// <param name="Members">The group's unit ids.</param>
/// <param name="Suggestions">For an unknown name: up to three units or groups it may mean, best first.</param>
public sealed record UnitResolution(
    string Name,
    UnitMatch Match,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DirectoryName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Members = null,
    IReadOnlyList<UnitSuggestion>? Suggestions = null)
{
    [JsonIgnore]
    public bool IsResolved => Match != UnitMatch.Unknown;
}
