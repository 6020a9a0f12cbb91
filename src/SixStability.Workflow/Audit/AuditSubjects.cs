namespace SixStability.Workflow.Audit;

/// <summary>
/// How an audit row names what it changed, for a clerk reading the trail: a unit by its name with its id (the id
/// is what the API and the filters use), a report's version as 第 N 版.
/// </summary>
public static class AuditSubjects
{
    /// <summary>市人社局（rsj）, or the id alone when the directory does not name it.</summary>
    public static string Unit(string unitId, Unit? unit) => unit is null ? unitId : $"{unit.Name}（{unitId}）";

    /// <summary>市人社局（rsj）任务3.</summary>
    public static string Task(string unitId, Unit? unit, int task) => $"{Unit(unitId, unit)}任务{task.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The obligation's revision (its history and ETag say r5) as 第 5 版.</summary>
    public static string Revision(int revision) => $"第 {revision.ToString(CultureInfo.InvariantCulture)} 版";
}
