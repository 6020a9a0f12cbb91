namespace SixStability.Core.Cycles.Board;

/// <summary>A unit's part in a task: the lead unit (牵头单位) or a co-unit (配合单位).</summary>
public enum TaskRole
{
    Lead,
    Co,
}
