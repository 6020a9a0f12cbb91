namespace SixStability.Core.Plans.Review;

/// <summary>The directory's names (units, their aliases, groups), looked up as plans write them.</summary>
internal sealed class DirectoryIndex
{
    private readonly Dictionary<string, Unit> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unit> byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitGroup> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unit> byId = new(StringComparer.Ordinal);
    private readonly UnitSuggester suggester;

    public DirectoryIndex(UnitDirectory directory)
    {
        foreach (Unit u in directory.Units)
        {
            byId.TryAdd(u.Id, u);
            byName.TryAdd(NameNormalizer.Normalize(u.Name), u);
            foreach (string alias in u.Aliases ?? [])
            {
                byAlias.TryAdd(NameNormalizer.Normalize(alias), u);
            }
        }

        foreach (UnitGroup g in directory.Groups)
        {
            foreach (string name in new[] { g.Name }.Concat(g.Aliases ?? []))
            {
                groups.TryAdd(NameNormalizer.Normalize(name), g);
            }
        }

        suggester = new UnitSuggester(directory);
    }

    public Unit? Unit(string id) => byId.GetValueOrDefault(id);

    public UnitGroup? Group(string name) => groups.GetValueOrDefault(NameNormalizer.Normalize(name));

    public UnitResolution Resolve(string name)
    {
        string key = NameNormalizer.Normalize(name);
        if (byName.TryGetValue(key, out Unit? unit))
        {
            return new UnitResolution(name, UnitMatch.Unit, unit.Id, unit.Name);
        }

        if (byAlias.TryGetValue(key, out unit))
        {
            return new UnitResolution(name, UnitMatch.Alias, unit.Id, unit.Name);
        }

        if (groups.TryGetValue(key, out UnitGroup? group))
        {
            return new UnitResolution(name, UnitMatch.Group, null, group.Name, group.Name, group.Members);
        }

        return new UnitResolution(name, UnitMatch.Unknown, Suggestions: suggester.Suggest(name));
    }
}
