namespace SixStability.Core.Plans;

/// <summary>A quantitative target in a task's text, e.g. 完成2万户老旧小区改造 → 20000 户, cumulative.</summary>
/// <param name="Kind">How a reported value is judged against the target; the importer reads it from the
/// wording, the coordinator may change it in the plan review.</param>
[JsonConverter(typeof(IndicatorJsonConverter))]
public sealed record Indicator(string Name, decimal Target, string Unit, IndicatorKind Kind = IndicatorKind.Cumulative)
{
    /// <summary>For code written before kinds existed: an at-least target's kind is read from its wording.</summary>
    public Indicator(string name, decimal target, string unit, IndicatorDirection direction)
        : this(name, target, unit, IndicatorKinds.FromDirection(direction, name, unit))
    {
    }

    /// <summary>Whether reaching the target means getting to it or staying under it (kept for the summary).</summary>
    public IndicatorDirection Direction => Kind == IndicatorKind.AtMost ? IndicatorDirection.AtMost : IndicatorDirection.AtLeast;
}
