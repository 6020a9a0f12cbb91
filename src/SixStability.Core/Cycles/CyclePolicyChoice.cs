namespace SixStability.Core.Cycles;

/// <summary>How the coordinator (or the timer) asks a cycle to be timed.</summary>
/// <param name="Kind"><c>default</c> (China calendar), <c>demo</c> (compressed, starting now) or <c>due</c> (explicit due date).</param>
/// <param name="SecondsPerDay">For demo: how long a day of the timeline lasts.</param>
public sealed record CyclePolicyChoice(string Kind = CyclePolicyChoice.Default, DateOnly? Due = null, double? SecondsPerDay = null)
{
    public const string Default = "default";
    public const string Demo = "demo";
    public const string ExplicitDue = "due";

    public const double DefaultSecondsPerDay = 15;
}
