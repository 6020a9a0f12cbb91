using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Submissions;

namespace SixStability.Bench;

/// <summary>
/// <c>scale N [--ports BLOB,QUEUE,TABLE] [--url URL] [--out DIR] [--repeat R] [--no-browser]</c>: a synthetic plan of 20
/// tasks and a directory of N/20 units on a fresh in-memory Azurite, then each measure beside a raw Azure.Data.Tables
/// baseline of the same storage work on the same Azurite in the same run (this machine is noisy: only the ratios of one
/// run count). Every path, product and raw, is warmed first on a cycle of one unit (a process compiles its code once,
/// not once per step). Open, escalation, submit and summary are then measured on R cycles of N obligations each (R = 11
/// up to N = 1,000, where one measure lasts 0.05-0.5 s and a pair's ratio ranged 0.7-2.7 on this machine; 5 up to
/// N = 10,000; else 1; submit at least 5, on other units of a cycle where R is less), product and raw taking turns at
/// going first; a measure's line is the median product time, the median raw time and the median of the pairs' own ratios
/// (the cycles grow the tables, so later pairs are slower on both sides: a ratio is only taken within a pair). Prints
/// <c>name product_seconds raw_seconds ratio</c> per measure, appends them to DIR/scale.csv and redraws DIR/scale.svg
/// (ratio against N, one line per measure, from every run in the CSV). Then, unless <c>--no-browser</c>, the board in
/// chromium on the first cycle: page load and two filters, appended to DIR/board-browser.csv.
/// </summary>
internal static class ScaleBench
{
    private const int Tasks = 20;
    private const int Clients = 50;
    private const int SubmitPairs = 5;
    private const string AdminKey = "bench-admin-key";

    public static async Task<int> RunAsync(int obligations, IReadOnlyList<string> options)
    {
        if (obligations < Tasks * Clients)
        {
            Console.Error.WriteLine($"N 至少为 {Tasks * Clients}（{Clients} 个并发报送单位，每单位 {Tasks} 项任务）。");
            return 1;
        }

        string ports = Option(options, "--ports") ?? "10600,10601,10602";
        string url = Option(options, "--url") ?? "http://127.0.0.1:7601";
        string outDir = Option(options, "--out") ?? Path.Combine("bench", "results");
        int repeats = Option(options, "--repeat") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : obligations <= 1_000 ? 11 : obligations <= 10_000 ? 5 : 1;
        int[] p = [.. ports.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
        var endpoints = new StorageEndpoints(p[0], p[1], p[2]);
        int units = obligations / Tasks;

        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, Console.Error, CancellationToken.None);
        await using WebApplication app = DevHostApp.Build([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = endpoints.ConnectionString,
            ["Urls"] = url,
            ["Admin:Key"] = AdminKey,
            ["Links:BaseUrl"] = url,
            ["Links:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Mail:Provider"] = "Sink",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();

        // The durable engine's start (leases, partition table) loads Azurite for a few seconds: let it settle first.
        await Task.Delay(TimeSpan.FromSeconds(8));
        IServiceProvider services = app.Services;
        var results = new MeasureList();
        Console.WriteLine("name product_seconds raw_seconds ratio");
        var service = new TableServiceClient(endpoints.ConnectionString);

        (UnitDirectory directory, PlanCatalog catalog) = await BenchPlan.StoreAsync(services, units, Tasks, t => $"今年完成{t}万户改造。");
        var input = new CycleInput("scale-2020Q3", "bench", "2020Q3", new CyclePolicyChoice(CyclePolicyChoice.Default), DateTimeOffset.UtcNow);
        var scale = new ScaleCycles(services, input, catalog, directory, units);
        var raw = await RawBaseline.CreateAsync(service);
        IObligationStore store = services.GetRequiredService<IObligationStore>();
        ICycleTallies tallies = services.GetRequiredService<ICycleTallies>();
        SaveReportUseCase save = services.GetRequiredService<SaveReportUseCase>();
        SummaryReports reports = services.GetRequiredService<SummaryReports>();
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "system", "escalation1", "逾期3个工作日，第1级（黄色）督办");
        // The 50 saving clients' units, N/1,000 apart; set k takes the k-th unit after each (a later pair on the same cycle).
        string[] ClientUnits(int set) => [.. Enumerable.Range(0, Clients).Select(i => $"u{(i * (units / Clients)) + 1 + set:D5}")];

        // Warm-up: every product path and every raw call once, on a cycle of one unit's tasks (and a scratch raw table).
        Console.WriteLine($"# warm-up (first calls of the process, not measured): {await WarmUpAsync(scale, raw, store, tallies, save, reports, entry)}");

        // open: the product's opening write (obligations and their tallies) against raw batched adds of the same rows.
        string[] cycles = [.. Enumerable.Range(0, repeats).Select(i => i == 0 ? input.CycleId : $"{input.CycleId}-{i}")];
        var pairs = new Pairs(repeats);
        List<TableEntity>? rows = null;
        double scan = 0;
        for (int i = 0; i < repeats; i++)
        {
            List<Obligation> opened = scale.Obligations(cycles[i]);
            string cycle = cycles[i];
            await pairs.RunAsync("open", i, () => Time(() => store.AddMissingAsync(opened, CancellationToken.None)), async () =>
            {
                if (rows is null)
                {
                    // The raw rows are the product's own (same keys and columns), read back from the first opening.
                    (rows, scan) = await scale.ScanAsync(input.CycleId);
                }

                List<TableEntity> mine = RawBaseline.ForCycle(rows, cycle);
                return await Time(() => raw.AddAsync(mine));
            });
            await scale.CreateRecordAsync(cycle);
        }

        results.Add(pairs.Median("open"));
        Console.WriteLine($"# stored {rows!.Count:N0} obligations of {units:N0} units in {scale.Ranges.Count} ranges, {repeats} time(s); raw scan of them {scan:F2} s; open ratios {pairs.Ratios("open")}");

        // escalation: every obligation is late; each range is raised as the step's activity does, the ranges fanned out.
        // Storage calls are counted on the first cycle (its listener, on for product and raw alike, costs both the same).
        using (var stepCalls = new StorageCalls(p[0], p[2]))
        {
            for (int i = 0; i < repeats; i++)
            {
                string cycle = cycles[i];
                List<TableEntity> mine = RawBaseline.ForCycle(rows, cycle);
                await pairs.RunAsync(
                    "escalation",
                    i,
                    () => Time(() => EscalateAsync(scale, store, tallies, cycle, entry), i == 0 ? stepCalls : null, c => Console.WriteLine($"# escalation: {scale.Ranges.Count} ranges, 4 at a time; storage calls a range: product {StorageCalls.Describe(c, scale.Ranges.Count)}")),
                    () => Time(() => raw.RaiseAsync(mine), i == 0 ? stepCalls : null, c => Console.WriteLine($"# raw {StorageCalls.Describe(c, scale.Ranges.Count)}")));
            }
        }

        results.Add(pairs.Median("escalation"));
        Console.WriteLine($"# escalation ratios {pairs.Ratios("escalation")}");

        // board: the coordinator's GET over HTTP (median of 9, after two to warm up) against the raw scan it replaced.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        double board = await MedianAsync(() => BoardAsync(http, input.CycleId, string.Empty));
        double filtered = await MedianAsync(() => BoardAsync(http, input.CycleId, "?late=true&name=" + Uri.EscapeDataString("单位12") + "&page=2&size=50"));
        results.Add(("board", board, scan, board / scan));
        Console.WriteLine($"# board: {board * 1000:F0} ms a page of 100 units; filtered (late, name, page 2): {filtered * 1000:F0} ms");

        // submit: 50 clients on 50 units, each submitting its unit's tasks in turn, against a raw loop of the same storage
        // work at the same concurrency (point read, then one transaction of the rows a submission writes: the row, a history
        // row, an idempotency row, the last submitted text).
        var latencies = new ConcurrentBag<double>();
        var rawLatencies = new ConcurrentBag<double>();
        var refusals = new ConcurrentBag<string>();
        // One pair of 1,000 saves is a few seconds of a contended Azurite (at 100,000 two runs' single pairs gave 1.63 and
        // 2.49), so submit always takes at least five pairs: with fewer cycles than that, a later pair saves for the next
        // units of the same cycle (the clients' units are N/1,000 apart, room for five sets at N = 100,000).
        int submitPairs = Math.Max(repeats, Math.Min(SubmitPairs, repeats * (units / Clients))); // never past the last unit (--repeat 1 at small N)
        using (var calls = new StorageCalls(p[0], p[2]))
        {
            for (int i = 0; i < submitPairs; i++)
            {
                string cycle = cycles[i % repeats];
                string[] savers = ClientUnits(i / repeats);
                Dictionary<(string Unit, int Task), (string Partition, string Row)> keys = RawBaseline.ForCycle(rows, cycle).ToDictionary(e => (e.GetString("UnitId"), e.GetInt32("Task") ?? 0), e => (e.PartitionKey, e.RowKey));
                await pairs.RunAsync(
                    "submit",
                    i,
                    () => Time(() => SubmitAsync(savers, latencies, refusals, async (unit, task, ct) => await save.RunAsync(scale.Save(cycle, unit, task), ct) is { IsOk: false } refused ? $"{unit} task {task}: {refused.Kind} {refused.Message} {string.Join("; ", refused.Errors)}" : null), i == 0 ? calls : null, c => Console.WriteLine($"# storage calls a save: product {StorageCalls.Describe(c, Clients * Tasks)}; mean time of a call: {calls.MeanTimes()}")),
                    () => Time(() => SubmitAsync(savers, rawLatencies, refusals, async (unit, task, ct) => { await raw.SaveAsync(keys[(unit, task)], unit, task, ct); return null; }), i == 0 ? calls : null, c => Console.WriteLine($"# raw {StorageCalls.Describe(c, Clients * Tasks)}; mean time of a call: {calls.MeanTimes()}")));
            }
        }

        results.Add(pairs.Median("submit"));
        (_, double product, double rawSubmit, _) = pairs.Median("submit");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# submit: {Clients * Tasks} saves by {Clients} clients a pair, {submitPairs} pairs, {refusals.Count} errors in all{string.Concat(refusals.Take(3).Select(r => "; refused: " + r))}, {Clients * Tasks / product:F0}/s, p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms; raw {Clients * Tasks / rawSubmit:F0}/s, p50 {Percentile(rawLatencies, 50):F0} ms, p99 {Percentile(rawLatencies, 99):F0} ms; ratios {pairs.Ratios("submit")}"));

        // summary: the close's streamed compile against a raw scan of the same rows (each obligation and the last
        // submitted text beside it, 's…'), with the peak managed heap.
        long peak = 0;
        for (int i = 0; i < repeats; i++)
        {
            CycleContext cycle = await services.GetRequiredService<CycleContextLoader>().LoadAsync(cycles[i], CancellationToken.None);
            string id = cycles[i];
            await pairs.RunAsync(
                "summary",
                i,
                async () =>
                {
                    (double took, long heap) = await HeapPeak.MeasureAsync(() => reports.CompileAsync(cycle, final: true, CancellationToken.None));
                    peak = Math.Max(peak, heap);
                    return took;
                },
                async () => (await scale.ScanAsync(id, firstRow: "s")).Seconds);
        }

        results.Add(pairs.Median("summary"));
        Console.WriteLine($"# summary: peak managed heap {peak / 1048576.0:F1} MiB above what it was before; ratios {pairs.Ratios("summary")}");

        Directory.CreateDirectory(outDir);
        string csv = Path.Combine(outDir, "scale.csv");
        if (!File.Exists(csv))
        {
            await File.WriteAllTextAsync(csv, "n,name,product_seconds,raw_seconds,ratio\n");
        }

        await File.AppendAllLinesAsync(csv, results.Select(m => string.Create(CultureInfo.InvariantCulture, $"{obligations},{m.Name},{m.Product:F3},{m.Raw:F3},{m.Ratio:F3}")));
        await File.WriteAllTextAsync(Path.Combine(outDir, "scale.svg"), ScaleChart.Svg(await File.ReadAllLinesAsync(csv)));
        Console.WriteLine($"# written {csv} and {Path.Combine(outDir, "scale.svg")}");
        if (!options.Contains("--no-browser"))
        {
            // The board as a person sees it: chromium loads /coord on this cycle and applies the filters (target < 2 s each).
            string last = $"u{units:D5}";
            (double load, double byName, double late) = await BoardInBrowser.MeasureAsync(url, input.CycleId, $"单位{units}", last);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# browser: page load {load:F2} s, name filter {byName:F2} s, late filter {late:F2} s (median of 3)"));
            string browserCsv = Path.Combine(outDir, "board-browser.csv");
            if (!File.Exists(browserCsv))
            {
                await File.WriteAllTextAsync(browserCsv, "n,page_load_seconds,name_filter_seconds,late_filter_seconds\n");
            }

            await File.AppendAllLinesAsync(browserCsv, [string.Create(CultureInfo.InvariantCulture, $"{obligations},{load:F3},{byName:F3},{late:F3}")]);
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>Each path once on the warm cycle (one unit's tasks): returns how long the first calls took, for context.</summary>
    private static async Task<string> WarmUpAsync(ScaleCycles scale, RawBaseline raw, IObligationStore store, ICycleTallies tallies, SaveReportUseCase save, SummaryReports reports, HistoryEntry entry)
    {
        string warm = scale.WarmCycleId;
        List<Obligation> opened = scale.Obligations(warm, units: 1);
        double open = await Time(() => store.AddMissingAsync(opened, CancellationToken.None));
        await scale.CreateRecordAsync(warm, units: 1);
        (List<TableEntity> rows, _) = await scale.ScanAsync(warm);
        await raw.AddAsync(RawBaseline.ForCycle(rows, "raw-" + warm));
        double escalate = await Time(() => EscalateAsync(scale, store, tallies, warm, entry, units: 1));
        await raw.RaiseAsync(RawBaseline.ForCycle(rows, "raw-" + warm));
        string unit = rows[0].GetString("UnitId");
        double firstSave = await Time(async () => await save.RunAsync(scale.Save(warm, unit, 1), CancellationToken.None));
        for (int task = 2; task <= Tasks; task++)
        {
            await save.RunAsync(scale.Save(warm, unit, task), CancellationToken.None);
        }

        foreach (TableEntity row in RawBaseline.ForCycle(rows, "raw-" + warm))
        {
            await raw.SaveAsync((row.PartitionKey, row.RowKey), unit, row.GetInt32("Task") ?? 0, CancellationToken.None);
        }

        CycleContext cycle = await scale.LoadAsync(warm);
        double compile = await Time(() => reports.CompileAsync(cycle, final: true, CancellationToken.None));
        await scale.ScanAsync(warm, firstRow: "s");
        return string.Create(CultureInfo.InvariantCulture, $"open {open * 1000:F0} ms, escalation {escalate * 1000:F0} ms, save {firstSave * 1000:F0} ms, compile {compile * 1000:F0} ms");
    }

    /// <summary>Each client saves its unit's tasks in turn, all clients at once; a save that answers a refusal adds it to <paramref name="refusals"/>.</summary>
    private static Task SubmitAsync(string[] clients, ConcurrentBag<double> latencies, ConcurrentBag<string> refusals, Func<string, int, CancellationToken, Task<string?>> saveOne) =>
        Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (unit, ct) =>
        {
            for (int task = 1; task <= Tasks; task++)
            {
                var one = Stopwatch.StartNew();
                string? refused = await saveOne(unit, task, ct);
                latencies.Add(one.Elapsed.TotalMilliseconds);
                if (refused is not null)
                {
                    refusals.Add(refused);
                }
            }
        });

    /// <summary>An escalation step's storage work: each range raised and its tallies mended as the step's activity does, 4 ranges at a time.</summary>
    private static Task EscalateAsync(ScaleCycles scale, IObligationStore store, ICycleTallies tallies, string cycleId, HistoryEntry entry, int? units = null) =>
        Parallel.ForEachAsync(units is null ? scale.Ranges : [new UnitRange(scale.FirstUnit, scale.FirstUnit)], new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (range, ct) =>
        {
            IReadOnlyList<Obligation> after = await store.EscalateAsync(cycleId, range, o => o.IsOwed, 1, entry, ct);
            await tallies.MendAsync(cycleId, after, ct);
        });

    private static async Task<double> Time(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Times <paramref name="run"/>, counting its storage calls when given a counter (and telling them to <paramref name="counted"/>).</summary>
    private static async Task<double> Time(Func<Task> run, StorageCalls? calls, Action<IReadOnlyDictionary<string, int>> counted)
    {
        calls?.Start();
        double seconds = await Time(run);
        if (calls is not null)
        {
            counted(calls.Stop());
        }

        return seconds;
    }

    /// <summary>The measures of one run; each is printed as it is taken, so a run cut short still leaves its figures.</summary>
    private sealed class MeasureList : List<(string Name, double Product, double Raw, double Ratio)>
    {
        public new void Add((string Name, double Product, double Raw, double Ratio) measure)
        {
            base.Add(measure);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measure.Name} {measure.Product:F3} {measure.Raw:F3} {measure.Ratio:F2}"));
        }
    }

    private static string? Option(IReadOnlyList<string> options, string name)
    {
        int at = options.ToList().IndexOf(name);
        return at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
    }

    private static async Task<double> BoardAsync(HttpClient http, string cycleId, string query)
    {
        var watch = Stopwatch.StartNew();
        using HttpResponseMessage response = await http.GetAsync(new Uri($"/api/cycles/{Uri.EscapeDataString(cycleId)}{query}", UriKind.Relative));
        _ = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/cycles answered {(int)response.StatusCode}.");
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MedianAsync(Func<Task<double>> run)
    {
        await run();
        await run();
        var times = new List<double>();
        for (int i = 0; i < 9; i++)
        {
            times.Add(await run());
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static double Percentile(IEnumerable<double> values, int percent)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * percent / 100.0) - 1)];
    }
}
