namespace SixStability.Core.Plans.Documents;

/// <summary>A paragraph or a table of a plan document.</summary>
public abstract record PlanBlock;
