namespace SixStability.Core.Plans.Review;

/// <summary>
/// The catalog a set of items makes: the items marked as tasks, numbered 1… in document order, in the
/// sections they belong to (sections without tasks left out). The same items always give the same catalog.
/// </summary>
internal static class DraftCatalog
{
    public static PlanCatalog Build(string planId, string title, DateOnly? issued, IReadOnlyList<DraftSection> sections, IReadOnlyList<PlanItem> items)
    {
        var tasks = items.Where(i => i.IsTask).OrderBy(i => i.Number).ToList();
        var bySection = new List<(int Index, List<PlanTask> Tasks)>();
        int number = 0;
        foreach (PlanItem item in tasks)
        {
            number++;
            var task = new PlanTask(
                number,
                item.Title,
                item.Text,
                item.Units,
                item.Indicators,
                item.Deadlines,
                Label(item.Label, number),
                item.LeadCount > 1 ? item.LeadCount : null);
            if (bySection.Count == 0 || bySection[^1].Index != item.SectionIndex)
            {
                bySection.Add((item.SectionIndex, []));
            }

            bySection[^1].Tasks.Add(task);
        }

        var result = bySection
            .Select(s => new PlanSection(sections[s.Index].Number, sections[s.Index].Title, s.Tasks))
            .ToList();
        return new PlanCatalog(planId, title, result, issued);
    }

    /// <summary>The document's own numbering, kept only where it differs from the task's number: （三） for task 3 adds nothing.</summary>
    private static string? Label(string label, int number)
    {
        string own = label.Trim();
        if (own.Length == 0)
        {
            return null;
        }

        string canonical = number <= ChineseNumerals.Max ? $"（{ChineseNumerals.Format(number)}）" : string.Empty;
        return own == canonical ? null : own;
    }
}
