namespace SixStability.Core.Plans.Forms;

/// <summary>What a line of a plan is, read from how it begins.</summary>
internal enum LineKind
{
    /// <summary>二、保居民就业 — a section heading.</summary>
    Section,

    /// <summary>（一）稳定就业岗位。… — a task, or a group heading over numbered items.</summary>
    ParenItem,

    /// <summary>1. / 1、 / 1． — a task (or a measure inside one).</summary>
    NumberItem,

    /// <summary>(1) / ① — a measure inside a task.</summary>
    SubItem,

    /// <summary>责任单位：… / 牵头单位：… / 配合单位：… on its own line.</summary>
    UnitLine,

    /// <summary>完成时限：2021年6月底前 on its own line.</summary>
    DeadlineLine,

    /// <summary>牵头市领导：… — who oversees the task; not part of it.</summary>
    LeaderLine,

    /// <summary>Anything else: the text of the task or section it follows.</summary>
    Text,
}
