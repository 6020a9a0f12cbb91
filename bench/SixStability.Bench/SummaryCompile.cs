using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Reports;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.DevHost.Azurite;
using SixStability.Infrastructure;
using SixStability.Infrastructure.Cycles;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;

namespace SixStability.Bench;

/// <summary>
/// <c>summary OBLIGATIONS [SUBMITTED%]</c>: opens a 2020Q3 cycle of that many obligations in Azurite (20 tasks,
/// every unit on every task), submits SUBMITTED% of them with figures and a text of about 330 characters
/// (narrative, difficulties, next steps), then compiles the summary the way the close step does (pages of
/// obligations and their texts streamed from Table Storage), renders it (HTML, .docx) and writes the 汇总表
/// (.xlsx, one row per obligation with its full text). Prints time, allocations and the peak managed heap,
/// next to the heap of simply loading every obligation, for contrast.
/// </summary>
internal static class SummaryCompile
{
    private const int Tasks = 20;

    public static async Task RunAsync(int obligations, int submittedPercent)
    {
        int units = obligations / Tasks;
        var endpoints = StorageEndpoints.OnFreePorts();
        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, Console.Error, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = endpoints.ConnectionString,
            ["Mail:Provider"] = "Sink",
        }).Build();
        await using ServiceProvider services = new ServiceCollection().AddLogging().AddSixStability(configuration).BuildServiceProvider();

        (UnitDirectory directory, PlanCatalog catalog) = await BenchPlan.StoreAsync(services, units, Tasks, t => $"今年完成{t}万户改造。");

        // The cycle as the opening step leaves it, with SUBMITTED% of the reports already in (written in bulk:
        // one submission at a time through the API is a different benchmark, and slow on Azurite).
        var watch = Stopwatch.StartNew();
        var input = new CycleInput("bench-2020Q3", "bench", "2020Q3", new CyclePolicyChoice(CyclePolicyChoice.Default), DateTimeOffset.UtcNow);
        CyclePolicy policy = CyclePolicy.Default;
        CycleFrame frame = CycleFrames.For(input.CycleId, input.PlanId, new Core.Calendar.Quarter(2020, 3), input.Policy, input.RequestedAt, policy, services.GetRequiredService<Core.Calendar.BusinessCalendar>());
        int submitted = 0;
        List<Obligation> opened = [.. ObligationPlanner.Open(input.CycleId, catalog, directory, frame.DefaultDue).Value!.Select(o =>
        {
            if (int.Parse(o.UnitId[1..], CultureInfo.InvariantCulture) % 100 >= submittedPercent)
            {
                return o;
            }

            submitted++;
            var figures = new ReportedFigures(o.TaskNumber % 5 == 0 ? ReportedFigures.Behind : ReportedFigures.OnTrack, o.IsLead ? [new IndicatorReading($"今年完成{o.TaskNumber}万户改造", o.TaskNumber * 7000m)] : []);
            return o.Submit(DateTimeOffset.UtcNow, o.Due.AddDays(o.TaskNumber % 3 == 0 ? 2 : 0), figures);
        })];
        IObligationStore store = services.GetRequiredService<IObligationStore>();
        await store.AddMissingAsync(opened, CancellationToken.None);
        List<(Obligation, ReportText)> texts = [.. opened.Where(o => o.State == ObligationState.Submitted).Select(o => (o, Text(o)))];
        await ((TableObligationStore)store).AddTextsAsync(texts, CancellationToken.None);
        texts = [];
        IReadOnlyList<UnitRange> ranges = [.. opened.Select(o => o.UnitId).Distinct().Order(StringComparer.Ordinal).Chunk(OpenCycleActivity.UnitsPerRange).Select(c => new UnitRange(c[0], c[^1]))];
        await services.GetRequiredService<ICycleStore>().CreateAsync(new CycleRecord(frame, policy, CycleStatus.Open, ranges, DateTimeOffset.UtcNow), CancellationToken.None);
        Console.WriteLine($"stored {opened.Count:N0} obligations for {units:N0} units, {submitted:N0} submitted ({submittedPercent}% of units) each with its text, in {watch.Elapsed.TotalSeconds:F1} s");
        opened = [];

        CycleContext cycle = await services.GetRequiredService<CycleContextLoader>().LoadAsync(input.CycleId, CancellationToken.None);
        SummaryReports reports = services.GetRequiredService<SummaryReports>();
        await reports.CompileAsync(cycle, final: true, CancellationToken.None); // warm up: JIT, connections

        (CycleSummary summary, long heapPeak, long allocated, TimeSpan compile) = await MeasureAsync(async () => (await reports.CompileAsync(cycle, final: true, CancellationToken.None)).Summary);
        watch.Restart();
        string html = await reports.HtmlAsync(summary);
        TimeSpan htmlTime = watch.Elapsed;
        watch.Restart();
        byte[] docx = SummaryDocx.Render(reports.Layout(summary));
        TimeSpan docxTime = watch.Elapsed;
        (byte[] xlsx, long xlsxPeak, long xlsxAllocated, TimeSpan xlsxTime) = await MeasureAsync(() => reports.WorkbookAsync(cycle, CancellationToken.None));

        (List<Obligation> everything, long loadedPeak, long _, TimeSpan load) = await MeasureAsync(async () => await store.ListAllAsync(input.CycleId, null, CancellationToken.None));

        var core = Stopwatch.StartNew();
        SummaryCompiler.Compile(new SummaryInput(cycle.Record.CycleId, cycle.Record.Frame.Quarter, cycle.Lookup.Plan, cycle.Lookup.Directory, cycle.Calendar, cycle.Record.Frame.Today(DateTimeOffset.UtcNow, cycle.Record.Policy), true, 3, at => DateOnly.FromDateTime(at.UtcDateTime)), everything);
        core.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"of which the Core compiler alone (obligations in memory): {core.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile (streamed, {cycle.Record.UnitRanges.Count} unit ranges): {compile.TotalSeconds:F2} s, allocated {allocated / 1048576.0:F0} MiB, peak managed heap {heapPeak / 1048576.0:F1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"render: HTML {html.Length / 1024.0:F0} K chars in {htmlTime.TotalMilliseconds:F0} ms, .docx {docx.Length / 1024.0:F0} KiB in {docxTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"汇总表 .xlsx ({summary.Overview.Obligations:N0} rows, summary compiled again then obligations streamed again): {xlsx.Length / 1048576.0:F1} MiB in {xlsxTime.TotalSeconds:F2} s, allocated {xlsxAllocated / 1048576.0:F0} MiB, peak managed heap {xlsxPeak / 1048576.0:F1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"for contrast, loading all {everything.Count:N0} obligations at once: {load.TotalSeconds:F2} s, peak managed heap {loadedPeak / 1048576.0:F1} MiB"));
        // The close seals every unit's partition before it compiles: one query for the partitions, one write per unit.
        watch.Restart();
        await store.SealAsync(input.CycleId, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seal at close ({units:N0} units): {watch.Elapsed.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary: {summary.Overview.Submitted:N0}/{summary.Overview.Obligations:N0} submitted, {summary.Overview.Green}/{summary.Overview.Amber}/{summary.Overview.Red} green/amber/red, {summary.LateUnits.Count:N0} late units; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
    }

    /// <summary>About 330 characters a report, different for each unit and task, as a clerk would write them.</summary>
    private static ReportText Text(Obligation o) => new(
        $"本季度{o.UnitId}围绕任务{o.TaskNumber}召开专题调度会{(o.TaskNumber % 5) + 2}次，深入企业和项目现场调研{(o.TaskNumber % 7) + 3}次，协调解决用地、资金、用工等实际问题{(o.TaskNumber % 11) + 4}个。"
        + "各项工作总体按计划推进，重点事项取得阶段性进展，相关政策已落地见效，资金按进度拨付到位，群众和企业反映良好。"
        + "同时建立周调度、月通报机制，对滞后事项挂图作战、销号管理，确保全年目标任务如期完成。",
        "部分项目资金到位偏慢，受汛期降雨影响有效施工时间不足，基层工作力量有待加强。",
        "加快资金拨付和项目建设进度，做好四季度冬季施工安排，巩固提升已取得的成效。");

    /// <summary>Runs after a full GC, sampling the managed heap every 10 ms; the peak is above the starting heap.</summary>
    private static async Task<(T Result, long HeapPeak, long Allocated, TimeSpan Elapsed)> MeasureAsync<T>(Func<Task<T>> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10).ConfigureAwait(false);
            }
        });
        var watch = Stopwatch.StartNew();
        T result = await run();
        watch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await stop.CancelAsync();
        await sampler;
        return (result, peak - baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, watch.Elapsed);
    }
}
