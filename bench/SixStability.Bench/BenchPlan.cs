using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Bench;

/// <summary>A synthetic city for the benches: UNITS units, all responsible for every one of TASKS tasks.</summary>
internal static class BenchPlan
{
    /// <param name="taskText">The text of task t (an indicator in it, such as 今年完成3万户改造, becomes the lead unit's to report).</param>
    public static async Task<(UnitDirectory Directory, PlanCatalog Plan)> StoreAsync(IServiceProvider services, int units, int tasks, Func<int, string> taskText)
    {
        var directory = new UnitDirectory(
            new Contact("市发改委", "fgw@example.gov.cn"), new Contact("市政府督查室", "dcs@example.gov.cn"), [new Contact("市政府办公室", "szfb@example.gov.cn")],
            [new Leader("vm", "张强", "副市长", "vm@example.gov.cn")],
            [.. Enumerable.Range(1, units).Select(i => new Unit($"u{i:D5}", $"单位{i}", UnitKind.Department, $"u{i:D5}@example.gov.cn", "vm"))],
            [new UnitGroup("全体单位", [.. Enumerable.Range(1, units).Select(i => $"u{i:D5}")])]);
        string text = "基准方案\n2020年6月3日\n二、保就业\n" + string.Concat(Enumerable.Range(1, tasks).Select(t => $"({Core.Text.ChineseNumerals.Format(t)})任务{t}。{taskText(t)}(责任单位:全体单位)\n"));
        PlanCatalog plan = PlanImporter.Import("bench", text).Catalog;
        await services.GetRequiredService<IDirectoryStore>().PutAsync(directory, null, CancellationToken.None);
        await services.GetRequiredService<IPlanStore>().PutAsync(plan, null, CancellationToken.None);
        return (directory, plan);
    }
}
