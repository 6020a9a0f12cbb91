using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Forms;

namespace SixStability.Core.Plans.Review;

/// <summary>
/// An imported plan before the coordinator confirms it: every numbered item (tasks and "not a task"), how
/// every unit name stands against the directory (with suggestions for the unknown ones), the warnings with
/// their line or table row, and the coordinator's corrections so far. Nothing here is the plan until
/// <see cref="Confirm"/>; the draft is plain data (JSON) a host can keep between requests.
/// </summary>
/// <param name="Units">Every unit name the items write, in order of first appearance.</param>
/// <param name="Aliases">Names the coordinator accepted for directory units or groups (added on confirmation).</param>
public sealed record PlanDraft(
    string PlanId,
    string Title,
    DateOnly? Issued,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<UnitResolution> Units,
    IReadOnlyList<PlanWarning> Warnings,
    IReadOnlyList<PlanCorrection> Corrections,
    IReadOnlyList<DirectoryAlias> Aliases)
{
    private const int MaxErrorsInMessage = 10;

    /// <summary>Reads a plan file and drafts it: <see cref="PlanDocument.Read"/> then <see cref="Create"/>.</summary>
    public static PlanResult<PlanDraft> Import(
        string planId, ReadOnlySpan<byte> file, string? fileName, string? contentType, UnitDirectory? directory, IReadOnlyList<PlanCorrection>? corrections = null)
    {
        PlanResult<PlanDocument> document = PlanDocument.Read(file, fileName, contentType);
        return document.IsRefused ? PlanResult.Refuse<PlanDraft>(document.Refusal) : Create(planId, document.Value, directory, corrections);
    }

    /// <summary>
    /// Drafts a document: reads its items in any common form, resolves every unit name against the
    /// directory (none yet: every name unknown) and replays earlier corrections (a correction that no longer
    /// fits the document is dropped with a warning).
    /// </summary>
    public static PlanResult<PlanDraft> Create(string planId, PlanDocument document, UnitDirectory? directory, IReadOnlyList<PlanCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!PlanIds.IsValid(planId))
        {
            return PlanResult.Refuse<PlanDraft>(PlanRefusalReason.InvalidPlanId, $"方案编号“{planId}”无效：只能使用小写字母、数字和连字符，以字母或数字开头，最长 40 个字符。");
        }

        ParsedPlan parsed = PlanParser.Parse(document);
        if (parsed.Items.Count == 0)
        {
            return PlanResult.Refuse<PlanDraft>(PlanRefusalReason.NoTasks, PlanImporter.NoTasksMessage(parsed));
        }

        DirectoryIndex? index = directory is null ? null : new DirectoryIndex(directory);
        var draft = new PlanDraft(planId, parsed.Title, parsed.Issued, parsed.Sections, parsed.Items, [], parsed.Warnings, [], []).ResolveWith(index);
        foreach (PlanCorrection correction in corrections ?? [])
        {
            if (correction is AcceptSuggestion accepted && draft.Units.Any(u => u.IsResolved && NameNormalizer.Normalize(u.Name) == NameNormalizer.Normalize(accepted.Name ?? string.Empty)))
            {
                continue; // confirmed before: the name is an alias in the directory now
            }

            PlanResult<PlanDraft> applied = draft.ApplyWith(correction, index);
            draft = applied.IsRefused
                ? draft with { Warnings = [.. draft.Warnings, new PlanWarning(0, $"上次审核的修改未能重新应用（{applied.Refusal.Message}）。")] }
                : applied.Value;
        }

        return PlanResult.Ok(draft);
    }

    /// <summary>The catalog the draft would confirm to: the items that are tasks, numbered in document order.</summary>
    [JsonIgnore]
    public PlanCatalog Catalog => DraftCatalog.Build(PlanId, Title, Issued, Sections, Items);

    [JsonIgnore]
    public IEnumerable<PlanItem> Tasks => Items.Where(i => i.IsTask);

    /// <summary>Items the importer or the coordinator set aside as not tasks (指导思想, 保障措施 …).</summary>
    [JsonIgnore]
    public IEnumerable<PlanItem> NotTasks => Items.Where(i => !i.IsTask);

    [JsonIgnore]
    public IEnumerable<UnitResolution> Unknown => Units.Where(u => !u.IsResolved);

    /// <summary>Applies one correction; a correction that does not fit (no such item, no such unit) is refused and changes nothing.</summary>
    public PlanResult<PlanDraft> Apply(PlanCorrection correction, UnitDirectory? directory) =>
        ApplyWith(correction, directory is null ? null : new DirectoryIndex(directory));

    /// <summary>Resolves the unit names again, against a directory that may have changed since the draft was made.</summary>
    public PlanDraft Resolve(UnitDirectory? directory) => ResolveWith(directory is null ? null : new DirectoryIndex(directory));

    /// <summary>
    /// Makes the plan: refused (with every problem named) while the title is missing, no item is a task, a
    /// task has no responsible unit, or a name is neither in the directory nor accepted for a unit in it.
    /// </summary>
    public PlanResult<PlanConfirmation> Confirm(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        PlanDraft current = Resolve(directory);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(current.Title))
        {
            errors.Add(new("title", "方案标题为空，请填写。"));
        }

        if (!current.Tasks.Any())
        {
            errors.Add(new("items", "没有任何一项被列为任务。"));
        }

        foreach (PlanItem task in current.Tasks.Where(t => t.Units.Count == 0))
        {
            errors.Add(new($"items[{task.Number}].units", $"{task.Location} {task.Label}{PlanImporter.Excerpt(task.Title)}：没有责任单位。"));
        }

        var resolved = current.Units.Where(u => u.IsResolved).Select(u => NameNormalizer.Normalize(u.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = current.Tasks.SelectMany(t => t.Units).Distinct(StringComparer.Ordinal)
            .Where(n => !resolved.Contains(NameNormalizer.Normalize(n))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("units", $"以下责任单位在单位名录中找不到：{string.Join("、", unknown)}。请接受建议的对应单位，或在名录中补充。"));
        }

        PlanCatalog catalog = current.Catalog;
        if (errors.Count == 0)
        {
            errors.AddRange(PlanCatalogValidator.Validate(catalog));
        }

        if (errors.Count > 0)
        {
            string shown = string.Join(" ", errors.Take(MaxErrorsInMessage).Select(e => e.Message));
            string more = errors.Count > MaxErrorsInMessage ? $" 等共 {errors.Count} 个问题。" : string.Empty;
            return PlanResult.Refuse<PlanConfirmation>(new PlanRefusal(PlanRefusalReason.NotReady, $"方案草稿还不能确认：{shown}{more}", errors));
        }

        var used = current.Tasks.SelectMany(t => t.Units).Select(NameNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
        return PlanResult.Ok(new PlanConfirmation(catalog, [.. current.Aliases.Where(a => used.Contains(NameNormalizer.Normalize(a.Alias)))], current.Corrections));
    }

    internal PlanResult<PlanDraft> ApplyWith(PlanCorrection correction, DirectoryIndex? directory)
    {
        PlanResult<PlanDraft> applied = DraftEditor.Apply(this, correction, directory);
        return applied.IsRefused
            ? applied
            : PlanResult.Ok(applied.Value.ResolveWith(directory) with { Corrections = [.. Corrections, correction] });
    }

    internal PlanDraft ResolveWith(DirectoryIndex? directory)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in Items.SelectMany(i => i.Units))
        {
            if (seen.Add(NameNormalizer.Normalize(name)))
            {
                names.Add(name);
            }
        }

        var resolutions = names.Select(name => ResolveOne(name, directory)).ToList();
        return this with { Units = resolutions };
    }

    private UnitResolution ResolveOne(string name, DirectoryIndex? directory)
    {
        UnitResolution found = directory?.Resolve(name) ?? new UnitResolution(name, UnitMatch.Unknown, Suggestions: []);
        if (found.IsResolved)
        {
            return found;
        }

        DirectoryAlias? accepted = Aliases.FirstOrDefault(a => NameNormalizer.Normalize(a.Alias) == NameNormalizer.Normalize(name));
        if (accepted is not null && directory is not null)
        {
            if (accepted.UnitId is not null && directory.Unit(accepted.UnitId) is { } unit)
            {
                return new UnitResolution(name, UnitMatch.Accepted, unit.Id, unit.Name);
            }

            if (accepted.Group is not null && directory.Group(accepted.Group) is { } group)
            {
                return new UnitResolution(name, UnitMatch.Accepted, null, group.Name, group.Name, group.Members);
            }
        }

        return found;
    }
}
