using System.Globalization;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Reports;

/// <summary>
/// The sample plan's 2020Q3 cycle played through the use cases: every unit writes its own sentences on
/// every task it owes (lead units a consolidated account), values by indicator kind, answers on dated
/// deadlines; a few units never report, one lead reports late; then the cycle closes.
/// </summary>
internal static class ReportedCycle
{
    /// <summary>Units that never report (the 产业链 lead among them, so its co-units speak for task 16–19).</summary>
    public static readonly string[] Silent = ["gxj", "tcyq", "cjj"];

    /// <summary>What each (unit, task) wrote, to look for in the report.</summary>
    public static Dictionary<(string Unit, int Task), string> Narratives { get; } = [];

    public static async Task<IReadOnlyList<Obligation>> PlayAsync(Workbench bench, bool close = true)
    {
        await bench.OpenCycleAsync();
        CycleContext cycle = await bench.Get<CycleContextLoader>().LoadAsync(Workbench.CycleId, CancellationToken.None);
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();
        List<Obligation> all = await bench.Obligations.ListAllAsync(Workbench.CycleId, null, CancellationToken.None);
        foreach (Obligation o in all.Where(o => !Silent.Contains(o.UnitId)))
        {
            string unit = cycle.Lookup.UnitName(o.UnitId);
            string narrative = o.IsLead
                ? $"本季度{unit}牵头会同各责任单位推进任务{o.TaskNumber}，召开调度会{(o.TaskNumber % 4) + 2}次。经汇总，任务{o.TaskNumber}完成季度计划的第{o.TaskNumber}项节点。"
                : $"{unit}配合推进任务{o.TaskNumber}，落实具体措施{(o.TaskNumber % 5) + 1}项。";
            Narratives[(o.UnitId, o.TaskNumber)] = narrative;
            PlanTask task = cycle.Lookup.FindTask(o.TaskNumber)!;
            IReadOnlyList<IndicatorReading> values = o.IsLead ? [.. task.Indicators.Select(i => new IndicatorReading(i.Name, Value(i)))] : [];
            IReadOnlyList<DeadlineAnswer>? answers = o.IsLead
                ? [.. task.Deadlines.Where(d => d.Date <= cycle.Record.Frame.Quarter.LastDay).Select((d, n) => n == 0 ? new DeadlineAnswer(d.Date, DeadlineAnswer.Met) : new DeadlineAnswer(d.Date, DeadlineAnswer.Missed, "受汛期影响推迟至10月"))]
                : null;
            var form = new SubmissionForm(narrative, ReportedFigures.OnTrack, values, $"{unit}反映任务{o.TaskNumber}的资金到位偏慢。", $"{unit}将在四季度加快推进任务{o.TaskNumber}。", Deadlines: answers);
            Outcome<SavedReport> saved = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, o.UnitId, o.TaskNumber, form, Draft: false), CancellationToken.None);
            saved.IsOk.Should().BeTrue($"{o.UnitId} task {o.TaskNumber}: {saved.Message} {string.Join("；", saved.Errors.Select(e => e.Field + " " + e.Message))}");
        }

        if (close)
        {
            bench.Clock.SetUtcNow(new DateTimeOffset(2020, 10, 23, 18, 30, 0, TimeSpan.FromHours(8)));
            await bench.Get<CloseCycleActivity>().RunAsync(null!, Workbench.CycleId);
        }

        return await bench.Obligations.ListAllAsync(Workbench.CycleId, null, CancellationToken.None);
    }

    /// <summary>Whole numbers for things counted; a level at its target; a ceiling kept.</summary>
    private static decimal Value(Indicator i) => i.Kind switch
    {
        IndicatorKind.AtMost => Math.Floor(i.Target * 0.8m),
        IndicatorKind.Level => i.Target,
        _ => Math.Round(i.Target * 0.8m, i.Unit is "亿元" or "万元" ? 2 : 0, MidpointRounding.AwayFromZero),
    };

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
