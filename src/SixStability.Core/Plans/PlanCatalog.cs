using System.Text.Json.Serialization;

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

/// <param name="Units">Responsible units (责任单位) in document order; the first is the lead unit (牵头单位).
/// Groups stay as written (各县〔市、区〕政府) and are expanded through the unit directory.</param>
public sealed record PlanTask(
    int Number,
    string Title,
    string Text,
    IReadOnlyList<string> Units,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<TaskDeadline> Deadlines)
{
    [JsonIgnore]
    public string? LeadUnit => Units.Count > 0 ? Units[0] : null;
}

/// <summary>A quantitative target in a task's text, e.g. 完成2万户老旧小区改造 → 20000 户.</summary>
public sealed record Indicator(string Name, decimal Target, string Unit, IndicatorDirection Direction = IndicatorDirection.AtLeast);

/// <summary>Whether reaching the target means getting to it or staying under it (压减至60个工作日以内).</summary>
public enum IndicatorDirection
{
    AtLeast,
    AtMost,
}

/// <summary>A dated deadline in a task's text, e.g. 2020年6月底前 → 2020-06-30.</summary>
public sealed record TaskDeadline(DateOnly Date, string Text);
