namespace SixStability.Core.Plans;

/// <summary>A plan as the coordinator loads it: sections of numbered tasks, each with its responsible units.</summary>
/// <param name="Issued">The date the plan was issued (印发日期); year-less deadlines take its year.</param>
public sealed record PlanCatalog(
    string PlanId,
    string Title,
    [property: JsonPropertyOrder(1)] IReadOnlyList<PlanSection> Sections,
    DateOnly? Issued = null)
{
    [JsonIgnore]
    public IEnumerable<PlanTask> Tasks => Sections.SelectMany(s => s.Tasks);

    public PlanTask? FindTask(int number) => Tasks.FirstOrDefault(t => t.Number == number);
}

/// <param name="Number">The section's number in the document (二 = 2).</param>
public sealed record PlanSection(int Number, string Title, IReadOnlyList<PlanTask> Tasks);

/// <param name="Number">The task's number in the plan: its place among the plan's tasks in document order
/// (plans that restart （一） in every section still get distinct numbers).</param>
/// <param name="Units">Responsible units (责任单位) in document order; the first is the lead unit (牵头单位).
/// Groups stay as written (各县〔市、区〕政府) and are expanded through the unit directory.</param>
/// <param name="Label">The numbering the document itself gives the task (（三）, 2., a table's 序号), when it
/// differs from <paramref name="Number"/>; absent in catalogs written before it existed.</param>
/// <param name="LeadCount">How many of the first <paramref name="Units"/> are lead units (牵头单位) when the
/// document names more than one; absent means one (the first named leads), the rest are partners (配合单位).</param>
public sealed record PlanTask(
    int Number,
    string Title,
    string Text,
    IReadOnlyList<string> Units,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<TaskDeadline> Deadlines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LeadCount = null)
{
    [JsonIgnore]
    public string? LeadUnit => Units.Count > 0 ? Units[0] : null;

    /// <summary>The lead units (牵头单位), first named first.</summary>
    [JsonIgnore]
    public IEnumerable<string> LeadUnits => Units.Take(Math.Clamp(LeadCount ?? 1, Units.Count > 0 ? 1 : 0, Units.Count));

    /// <summary>The partner units (配合单位): every responsible unit that does not lead.</summary>
    [JsonIgnore]
    public IEnumerable<string> PartnerUnits => Units.Skip(Math.Clamp(LeadCount ?? 1, Units.Count > 0 ? 1 : 0, Units.Count));
}

/// <summary>A dated deadline in a task's text, e.g. 2020年6月底前 → 2020-06-30.</summary>
public sealed record TaskDeadline(DateOnly Date, string Text);
