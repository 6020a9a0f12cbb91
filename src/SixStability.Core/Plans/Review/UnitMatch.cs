namespace SixStability.Core.Plans.Review;

/// <summary>How a unit name the plan writes was found in the directory.</summary>
public enum UnitMatch
{
    /// <summary>Not in the directory: see the suggestions, or add it.</summary>
    Unknown,

    /// <summary>A unit's name.</summary>
    Unit,

    /// <summary>One of a unit's aliases.</summary>
    Alias,

    /// <summary>A group's name or alias (各县〔市、区〕政府): all its members are responsible.</summary>
    Group,

    /// <summary>The coordinator accepted a suggestion; it becomes an alias in the directory on confirmation.</summary>
    Accepted,
}
