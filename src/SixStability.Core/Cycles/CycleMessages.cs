namespace SixStability.Core.Cycles;

/// <summary>What people read when a cycle's state refuses them.</summary>
public static class CycleMessages
{
    public const string Closed = "本周期已关闭，不能再报送或修改。";
    public const string Ended = "本周期已结束，不能再操作。";
    public const string Stale = "该任务已被更新（可能在另一个窗口中），请刷新后再提交。";
    public const string Gone = "该链接对应的报送周期或单位已不存在，请联系市发改委。";

    public static string NoTask(int task) => $"贵单位在本周期没有任务（{task}）。";

    /// <summary>The coordinator's view of the same: which unit has no such task.</summary>
    public static string UnitHasNoTask(string unitId, int task) => $"单位“{unitId}”在本周期没有任务（{task}）。";

    public static string NoCycle(string cycleId) => $"报送周期“{cycleId}”不存在。";
}
