namespace SixStability.Core.Plans.Review;

/// <summary>Applies one correction to a draft's items, title and accepted names; refuses one that does not fit.</summary>
internal static class DraftEditor
{
    private const int MaxTitle = 100;

    public static PlanResult<PlanDraft> Apply(PlanDraft draft, PlanCorrection correction, DirectoryIndex? directory)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return correction switch
        {
            SetUnits c => WithItem(draft, c.Item, item => SetUnits(item, c)),
            AcceptSuggestion c => Accept(draft, c, directory),
            MarkTask c => WithItem(draft, c.Item, item => PlanResult.Ok(item with { IsTask = true })),
            MarkNotTask c => WithItem(draft, c.Item, item => PlanResult.Ok(item with { IsTask = false })),
            SetTitle c => WithItem(draft, c.Item, item => ValidTitle(c.Title) is string t ? PlanResult.Ok(item with { Title = t }) : TitleRefused<PlanItem>()),
            SetPlanTitle c => ValidTitle(c.Title) is string t ? PlanResult.Ok(draft with { Title = t }) : TitleRefused<PlanDraft>(),
            SetIndicatorKind c => WithItem(draft, c.Item, item => SetKind(item, c)),
            _ => Refuse<PlanDraft>("不支持的修改。"),
        };
    }

    private static PlanResult<PlanDraft> WithItem(PlanDraft draft, int number, Func<PlanItem, PlanResult<PlanItem>> change)
    {
        int index = draft.Items.ToList().FindIndex(i => i.Number == number);
        if (index < 0)
        {
            return Refuse<PlanDraft>($"草稿中没有第 {number} 项。");
        }

        PlanResult<PlanItem> changed = change(draft.Items[index]);
        if (changed.IsRefused)
        {
            return PlanResult.Refuse<PlanDraft>(changed.Refusal);
        }

        var items = draft.Items.ToList();
        items[index] = changed.Value;
        return PlanResult.Ok(draft with { Items = Renumber(items) });
    }

    /// <summary>Task numbers follow the document order of the items that are tasks.</summary>
    internal static List<PlanItem> Renumber(IEnumerable<PlanItem> items)
    {
        int task = 0;
        return [.. items.OrderBy(i => i.Number).Select(i => i with { TaskNumber = i.IsTask ? ++task : null })];
    }

    private static PlanResult<PlanItem> SetUnits(PlanItem item, SetUnits c)
    {
        var units = (c.Units ?? []).Select(u => u?.Trim() ?? string.Empty).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (units.Any(u => u.Length > 40 || u.Any(char.IsControl)))
        {
            return Refuse<PlanItem>("单位名称不能超过 40 个字符，也不能含控制字符。");
        }

        if (c.LeadCount < 1 || (units.Count > 0 && c.LeadCount > units.Count))
        {
            return Refuse<PlanItem>("牵头单位数应至少为 1，且不超过责任单位数。");
        }

        return PlanResult.Ok(item with { Units = units, LeadCount = units.Count == 0 ? 0 : c.LeadCount, OtherUnits = false });
    }

    private static PlanResult<PlanItem> SetKind(PlanItem item, SetIndicatorKind c)
    {
        if (c.Indicator < 0 || c.Indicator >= item.Indicators.Count)
        {
            return Refuse<PlanItem>($"第 {item.Number} 项没有第 {c.Indicator + 1} 个指标。");
        }

        if (!Enum.IsDefined(c.Kind))
        {
            return Refuse<PlanItem>("指标类型应为 cumulative、level 或 atMost。");
        }

        var indicators = item.Indicators.ToList();
        indicators[c.Indicator] = indicators[c.Indicator] with { Kind = c.Kind };
        return PlanResult.Ok(item with { Indicators = indicators });
    }

    private static PlanResult<PlanDraft> Accept(PlanDraft draft, AcceptSuggestion c, DirectoryIndex? directory)
    {
        if (directory is null)
        {
            return Refuse<PlanDraft>("尚未导入单位名录，无法确认单位名称。");
        }

        string name = c.Name?.Trim() ?? string.Empty;
        UnitResolution? resolution = draft.Units.FirstOrDefault(u => NameNormalizer.Normalize(u.Name) == NameNormalizer.Normalize(name));
        if (resolution is null)
        {
            return Refuse<PlanDraft>($"草稿中没有单位名称“{name}”。");
        }

        if (resolution.Match is UnitMatch.Unit or UnitMatch.Alias or UnitMatch.Group)
        {
            return Refuse<PlanDraft>($"“{name}”已在单位名录中，无需确认。");
        }

        DirectoryAlias alias;
        if (c.UnitId is not null && c.Group is null && directory.Unit(c.UnitId) is not null)
        {
            alias = new DirectoryAlias(resolution.Name, c.UnitId, null);
        }
        else if (c.Group is not null && c.UnitId is null && directory.Group(c.Group) is { } group)
        {
            alias = new DirectoryAlias(resolution.Name, null, group.Name);
        }
        else
        {
            return Refuse<PlanDraft>("请指定名录中已有的一个单位（unitId）或一个单位组（group）。");
        }

        var aliases = draft.Aliases.Where(a => NameNormalizer.Normalize(a.Alias) != NameNormalizer.Normalize(alias.Alias)).Append(alias).ToList();
        return PlanResult.Ok(draft with { Aliases = aliases });
    }

    private static string? ValidTitle(string? title)
    {
        string t = title?.Trim() ?? string.Empty;
        return t.Length is > 0 and <= MaxTitle && !t.Any(char.IsControl) ? t : null;
    }

    private static PlanResult<T> TitleRefused<T>()
        where T : class => Refuse<T>($"标题不能为空，不超过 {MaxTitle} 字，且不能含控制字符。");

    private static PlanResult<T> Refuse<T>(string message)
        where T : class => PlanResult.Refuse<T>(PlanRefusalReason.InvalidCorrection, message);
}
