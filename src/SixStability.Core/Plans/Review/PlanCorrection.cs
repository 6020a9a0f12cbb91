namespace SixStability.Core.Plans.Review;

/// <summary>
/// One change the coordinator makes to a draft. Corrections are data: the draft keeps them in order, and
/// the same file imported again with the same corrections gives the same catalog (same task numbers).
/// In JSON the <c>action</c> property says which: setUnits, acceptSuggestion, markTask, markNotTask,
/// setTitle, setPlanTitle, setIndicatorKind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(SetUnits), "setUnits")]
[JsonDerivedType(typeof(AcceptSuggestion), "acceptSuggestion")]
[JsonDerivedType(typeof(MarkTask), "markTask")]
[JsonDerivedType(typeof(MarkNotTask), "markNotTask")]
[JsonDerivedType(typeof(SetTitle), "setTitle")]
[JsonDerivedType(typeof(SetPlanTitle), "setPlanTitle")]
[JsonDerivedType(typeof(SetIndicatorKind), "setIndicatorKind")]
public abstract record PlanCorrection;

/// <summary>The item's responsible units, lead units first; <paramref name="LeadCount"/> of them lead.</summary>
public sealed record SetUnits(int Item, IReadOnlyList<string> Units, int LeadCount = 1) : PlanCorrection;

/// <summary>
/// The name the plan writes means this unit (<paramref name="UnitId"/>) or group (<paramref name="Group"/>);
/// on confirmation it becomes an alias in the directory.
/// </summary>
public sealed record AcceptSuggestion(string Name, string? UnitId = null, string? Group = null) : PlanCorrection;

/// <summary>The item is a task (it needs responsible units before the draft can be confirmed).</summary>
public sealed record MarkTask(int Item) : PlanCorrection;

/// <summary>The item is not a task (指导思想, 保障措施 …): no unit reports on it.</summary>
public sealed record MarkNotTask(int Item) : PlanCorrection;

/// <summary>The item's title as units will read it (at most 100 characters).</summary>
public sealed record SetTitle(int Item, string Title) : PlanCorrection;

/// <summary>The plan's title, when the document has none the importer could find.</summary>
public sealed record SetPlanTitle(string Title) : PlanCorrection;

/// <summary>How an indicator of the item is judged (<paramref name="Indicator"/> is its index, from 0).</summary>
public sealed record SetIndicatorKind(int Item, int Indicator, IndicatorKind Kind) : PlanCorrection;
