namespace SixStability.Core.Cycles.Board;

/// <summary>How units are ordered within each group of the board.</summary>
public enum BoardSort
{
    /// <summary>By name, as a Chinese reader sorts (拼音).</summary>
    Name,

    /// <summary>Most tasks still owed first.</summary>
    Owed,

    /// <summary>Highest escalation level first.</summary>
    Level,
}
