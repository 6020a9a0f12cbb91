using SixStability.Core.Text;
using SixStability.Core.Units;

namespace SixStability.Core.Plans.Review;

/// <summary>
/// A name to add to the directory because the coordinator accepted it for a unit or group (市人力资源和社会保障局
/// for 市人社局); the next plan that writes it resolves without asking.
/// </summary>
public sealed record DirectoryAlias(string Alias, string? UnitId = null, string? Group = null)
{
    /// <summary>The directory with the aliases added (each once; names it already knows are skipped).</summary>
    public static UnitDirectory AddTo(UnitDirectory directory, IEnumerable<DirectoryAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(aliases);
        var units = directory.Units.ToList();
        var groups = directory.Groups.ToList();
        foreach (DirectoryAlias alias in aliases)
        {
            string key = NameNormalizer.Normalize(alias.Alias);
            bool known = units.Any(u => new[] { u.Name }.Concat(u.Aliases ?? []).Any(n => NameNormalizer.Normalize(n) == key))
                || groups.Any(g => new[] { g.Name }.Concat(g.Aliases ?? []).Any(n => NameNormalizer.Normalize(n) == key));
            if (known)
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
