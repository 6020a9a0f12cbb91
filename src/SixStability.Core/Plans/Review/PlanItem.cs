namespace SixStability.Core.Plans.Review;

/// <summary>
/// A numbered item of the plan as the importer read it: a task when it names responsible units, otherwise
/// "not a task" (指导思想, 发展目标, 保障措施 …) until the coordinator says otherwise.
/// </summary>
/// <param name="Number">The item's place among all items in document order: the key corrections use.</param>
/// <param name="SectionIndex">Index into the draft's sections.</param>
/// <param name="Label">The numbering as written: （三）, 2., a table's 序号.</param>
/// <param name="Units">Responsible units, lead units first.</param>
/// <param name="LeadCount">How many of the first <paramref name="Units"/> lead (牵头单位); 0 when there are none.</param>
/// <param name="TaskNumber">The number the task gets in the catalog (its place among the tasks); null when not a task.</param>
/// <param name="OtherUnits">The document adds 等有关部门: units it does not name share the work.</param>
/// <param name="Note">What the document says beside the units (具体任务均涉及相关市（州）人民政府，不再做分工，下同).</param>
public sealed record PlanItem(
    int Number,
    int SectionIndex,
    string Label,
    string Title,
    string Text,
    IReadOnlyList<string> Units,
    int LeadCount,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<TaskDeadline> Deadlines,
    bool IsTask,
    PlanLocation Location,
    int? TaskNumber = null,
    bool OtherUnits = false,
    string? Note = null);
