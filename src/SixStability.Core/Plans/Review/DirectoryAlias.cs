namespace SixStability.Core.Plans.Review;

/// <summary>
/// A name to add to the directory because the coordinator accepted it for a unit or group (市人力资源和社会保障局
/// for 市人社局); the next plan that writes it resolves without asking.
/// </summary>
public sealed record DirectoryAlias(string Alias, string? UnitId = null, string? Group = null)
{
    /// <summary>The directory with the aliases added (each once; names it already knows are skipped).</summary>
    /// <summary>The name is already a unit's or a group's name or alias: adding it changes nothing.</summary>
    public static bool IsKnown(UnitDirectory directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return IsKnown(directory.Units, directory.Groups, name);
    }

    private static bool IsKnown(IEnumerable<Unit> units, IEnumerable<UnitGroup> groups, string name)
    {
        string key = NameNormalizer.Normalize(name);
        return units.Any(u => new[] { u.Name }.Concat(u.Aliases ?? []).Any(n => NameNormalizer.Normalize(n) == key))
            || groups.Any(g => new[] { g.Name }.Concat(g.Aliases ?? []).Any(n => NameNormalizer.Normalize(n) == key));
    }

    public static UnitDirectory AddTo(UnitDirectory directory, IEnumerable<DirectoryAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(aliases);
        var units = directory.Units.ToList();
        var groups = directory.Groups.ToList();
        foreach (DirectoryAlias alias in aliases)
        {
            if (IsKnown(units, groups, alias.Alias))
            {
                continue;
            }

            int u = alias.UnitId is null ? -1 : units.FindIndex(x => x.Id == alias.UnitId);
            if (u >= 0)
            {
                units[u] = units[u] with { Aliases = [.. units[u].Aliases ?? [], alias.Alias] };
                continue;
            }

            int g = alias.Group is null ? -1 : groups.FindIndex(x => x.Name == alias.Group);
            if (g >= 0)
            {
                groups[g] = groups[g] with { Aliases = [.. groups[g].Aliases ?? [], alias.Alias] };
            }
        }

        return directory with { Units = units, Groups = groups };
    }
}
