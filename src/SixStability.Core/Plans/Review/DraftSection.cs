namespace SixStability.Core.Plans.Review;

/// <summary>A section of the plan (二、保居民就业 → 2, 保居民就业), whether or not it holds tasks.</summary>
public sealed record DraftSection(int Number, string Title);
