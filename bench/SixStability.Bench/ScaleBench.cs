using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Submissions;

namespace SixStability.Bench;

/// <summary>
/// <c>scale N [--ports BLOB,QUEUE,TABLE] [--url URL] [--out DIR] [--no-browser]</c>: a synthetic plan of 20 tasks and a directory of N/20
/// units on a fresh in-memory Azurite, then each measure beside a raw Azure.Data.Tables baseline of the same storage
/// work on the same Azurite in the same run (this machine is noisy: only the ratios of one run count). Prints
/// <c>name product_seconds raw_seconds ratio</c> per measure, appends them to DIR/scale.csv and redraws DIR/scale.svg
/// (ratio against N, one line per measure, from every run in the CSV). Then, unless <c>--no-browser</c>, the board in
/// chromium on the same cycle: page load and two filters, appended to DIR/board-browser.csv.
/// </summary>
internal static class ScaleBench
{
    private const int Tasks = 20;
    private const int Clients = 50;
    private const int Concurrency = 16;
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
        CyclePolicy policy = CyclePolicy.Default;
        BusinessCalendar china = services.GetRequiredService<BusinessCalendar>();
        CycleFrame frame = CycleFrames.For(input.CycleId, input.PlanId, new Quarter(2020, 3), input.Policy, input.RequestedAt, policy, china);
        List<Obligation> opened = [.. ObligationPlanner.Open(input.CycleId, catalog, directory, frame.DefaultDue).Value!];
        IObligationStore store = services.GetRequiredService<IObligationStore>();
        ICycleTallies tallies = services.GetRequiredService<ICycleTallies>();

        // open: the product's opening write (obligations and their tallies) against raw batched adds of the same rows (read
        // back from the product's table, after it). Both paths are warmed first on a scratch table and a scratch cycle: the
        // product's tables are created once per process (first use), not by each opening.
        TableClient scratch = service.GetTableClient("rawwarm" + Guid.NewGuid().ToString("N")[..8]);
        await scratch.CreateAsync();
        await ByPartitionAsync(opened.Take(Tasks).Select(RawRow), chunk => scratch.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))));
        await scratch.DeleteAsync();
        await store.AddMissingAsync([.. opened.Take(Tasks).Select(o => o with { CycleId = "warm-" + input.CycleId })], CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await store.AddMissingAsync(opened, CancellationToken.None);
        double openProduct = watch.Elapsed.TotalSeconds;
        IReadOnlyList<UnitRange> ranges = [.. opened.Select(o => o.UnitId).Distinct().Order(StringComparer.Ordinal).Chunk(OpenCycleActivity.UnitsPerRange).Select(c => new UnitRange(c[0], c[^1]))];
        // Pinned to the versions stored, as the opening activity does.
        var planVersion = (await services.GetRequiredService<IPlanStore>().GetAsync(input.PlanId, null, CancellationToken.None))!.Version;
        var directoryVersion = (await services.GetRequiredService<IDirectoryStore>().GetAsync(null, CancellationToken.None))!.Version;
        var versions = new CycleVersions(planVersion.Id, planVersion.Number, directoryVersion.Id, directoryVersion.Number);
        await services.GetRequiredService<ICycleStore>().CreateAsync(new CycleRecord(frame, policy, CycleStatus.Open, ranges, DateTimeOffset.UtcNow, Versions: versions), CancellationToken.None);
        HashSet<(string Unit, int Task)> leads = [.. opened.Where(o => o.IsLead).Select(o => (o.UnitId, o.TaskNumber))];
        opened = [];
        TableClient product = service.GetTableClient(await ObligationTableNameAsync(services));
        (List<TableEntity> rows, double scan) = await ScanAsync(product, input.CycleId);
        TableClient raw = service.GetTableClient("rawobligations" + Guid.NewGuid().ToString("N")[..8]);
        await raw.CreateAsync();
        foreach (TableEntity row in rows)
        {
            row.ETag = default;
        }

        watch.Restart();
        await ByPartitionAsync(rows, chunk => raw.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))));
        results.Add(("open", openProduct, watch.Elapsed.TotalSeconds));
        Console.WriteLine($"# stored {rows.Count:N0} obligations of {units:N0} units in {ranges.Count} ranges; raw scan of them {scan:F2} s");

        // escalation: every obligation is late; each range is raised as the step's activity does, the ranges fanned out.
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "system", "escalation1", "逾期3个工作日，第1级（黄色）督办");
        using (var stepCalls = new StorageCalls(p[0], p[2]))
        {
            int done = 0;
            double escalating = 0, mending = 0;
            stepCalls.Start();
            watch.Restart();
            await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (range, ct) =>
            {
                var part = Stopwatch.StartNew();
                IReadOnlyList<Obligation> after = await store.EscalateAsync(input.CycleId, range, o => o.IsOwed, 1, entry, ct);
                double raised = part.Elapsed.TotalSeconds;
                await tallies.MendAsync(input.CycleId, after, ct);
                lock (ranges)
                {
                    escalating += raised;
                    mending += part.Elapsed.TotalSeconds - raised;
                    if (++done % Math.Max(1, ranges.Count / 5) == 0)
                    {
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# escalation: {done}/{ranges.Count} ranges at {watch.Elapsed.TotalSeconds:F1} s"));
                    }
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# escalation: {ranges.Count} ranges, raise {escalating / ranges.Count:F2} s and mend {mending / ranges.Count:F2} s a range (4 at a time); storage calls a range: {StorageCalls.Describe(stepCalls.Stop(), ranges.Count)}"));
            Console.WriteLine($"# mean time of a call in the step: {stepCalls.MeanTimes()}");
        }

        double escalationProduct = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await ByPartitionAsync(rows, chunk => raw.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(r.PartitionKey, r.RowKey) { ["Level"] = 1 }, ETag.All))));
        results.Add(("escalation", escalationProduct, watch.Elapsed.TotalSeconds));

        // board: the coordinator's GET over HTTP (median of 9, after two to warm up) against the raw scan it replaced.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        double board = await MedianAsync(() => BoardAsync(http, input.CycleId, string.Empty));
        double filtered = await MedianAsync(() => BoardAsync(http, input.CycleId, "?late=true&name=" + Uri.EscapeDataString("单位12") + "&page=2&size=50"));
        results.Add(("board", board, scan));
        Console.WriteLine($"# board: {board * 1000:F0} ms a page of 100 units; filtered (late, name, page 2): {filtered * 1000:F0} ms");

        // submit: 50 clients on 50 units, each submitting its unit's tasks in turn, against a raw loop of the same storage
        // work at the same concurrency (point read, then one transaction of the rows a submission writes: the row, a history
        // row, an idempotency row, the last submitted text).
        string[] clients = [.. Enumerable.Range(0, Clients).Select(i => $"u{(i * (units / Clients)) + 1:D5}")];
        Dictionary<(string Unit, int Task), (string Partition, string Row)> keys = rows.ToDictionary(r => (r.GetString("UnitId"), r.GetInt32("Task") ?? 0), r => (r.PartitionKey, r.RowKey));
        SaveReportUseCase save = services.GetRequiredService<SaveReportUseCase>();
        var latencies = new ConcurrentBag<double>();
        int errors = 0;
        using var calls = new StorageCalls(p[0], p[2]);
        long pendingWork = 0;
        int threads = 0;
        using var sampling = new CancellationTokenSource();
        Task poolSampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                pendingWork = Math.Max(pendingWork, ThreadPool.PendingWorkItemCount);
                threads = Math.Max(threads, ThreadPool.ThreadCount);
                await Task.Delay(20);
            }
        });
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        calls.Start();
        watch.Restart();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (unit, ct) =>
        {
            for (int task = 1; task <= Tasks; task++)
            {
                var one = Stopwatch.StartNew();
                var form = new SubmissionForm("按计划推进。", ReportedFigures.OnTrack, leads.Contains((unit, task)) ? [new IndicatorReading($"今年完成{task}万户改造", 12000m)] : null);
                var saved = await save.RunAsync(new SaveReportCommand(input.CycleId, unit, task, form, Draft: false, IdempotencyKey: Guid.NewGuid().ToString("N")), ct);
                latencies.Add(one.Elapsed.TotalMilliseconds);
                if (!saved.IsOk)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"# save refused: {unit} task {task}: {saved.Kind} {saved.Message} {string.Join("; ", saved.Errors)}");
                    }
                }
            }
        });
        double submitProduct = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await poolSampler;
        Console.WriteLine($"# during the product's saves: thread pool at most {pendingWork} work items waiting, {threads} threads; .NET GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms");
        IReadOnlyDictionary<string, int> productCalls = calls.Stop();
        string productTimes = calls.MeanTimes();
        var rawLatencies = new ConcurrentBag<double>();
        calls.Start();
        watch.Restart();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (unit, ct) =>
        {
            for (int task = 1; task <= Tasks; task++)
            {
                var one = Stopwatch.StartNew();
                (string partition, string key) = keys[(unit, task)];
                TableEntity row = (await raw.GetEntityAsync<TableEntity>(partition, key, cancellationToken: ct)).Value;
                row["State"] = "Submitted";
                await raw.SubmitTransactionAsync(
                    [
                        new(TableTransactionActionType.UpdateMerge, row, row.ETag),
                        new(TableTransactionActionType.Add, new TableEntity(partition, $"h{task:D2}|r000001") { ["Detail"] = "{\"narrative\":\"按计划推进。\"}", ["Who"] = unit }),
                        new(TableTransactionActionType.Add, new TableEntity(partition, $"i{task:D2}|{Guid.NewGuid():N}") { ["Fingerprint"] = "x" }),
                        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"s{task:D2}") { ["Narrative"] = "按计划推进。", ["Rev"] = 1 }),
                    ],
                    ct);
                rawLatencies.Add(one.Elapsed.TotalMilliseconds);
            }
        });
        results.Add(("submit", submitProduct, watch.Elapsed.TotalSeconds));
        Console.WriteLine($"# storage calls per save: product {StorageCalls.Describe(productCalls, Clients * Tasks)}; raw {StorageCalls.Describe(calls.Stop(), Clients * Tasks)}");
        Console.WriteLine($"# mean time of a call: product {productTimes}; raw {calls.MeanTimes()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# submit: {Clients * Tasks} saves by {Clients} clients, {errors} errors, {Clients * Tasks / submitProduct:F0}/s, p50 {Percentile(latencies, 50):F0} ms, p99 {Percentile(latencies, 99):F0} ms; raw {Clients * Tasks / watch.Elapsed.TotalSeconds:F0}/s, p50 {Percentile(rawLatencies, 50):F0} ms, p99 {Percentile(rawLatencies, 99):F0} ms"));

        // summary: the close's streamed compile against a raw scan of the same rows, with the peak managed heap.
        CycleContext cycle = await services.GetRequiredService<CycleContextLoader>().LoadAsync(input.CycleId, CancellationToken.None);
        SummaryReports reports = services.GetRequiredService<SummaryReports>();
        // The same rows the compile reads: each obligation and the last submitted text beside it ('s…').
        (_, double rescan) = await ScanAsync(product, input.CycleId, firstRow: "s");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
        watch.Restart();
        await reports.CompileAsync(cycle, final: true, CancellationToken.None);
        double summary = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        results.Add(("summary", summary, rescan));
        Console.WriteLine($"# summary: peak managed heap {(peak - baseline) / 1048576.0:F1} MiB above the {baseline / 1048576.0:F1} MiB before it");

        Directory.CreateDirectory(outDir);
        string csv = Path.Combine(outDir, "scale.csv");
        if (!File.Exists(csv))
        {
            await File.WriteAllTextAsync(csv, "n,name,product_seconds,raw_seconds,ratio\n");
        }

        await File.AppendAllLinesAsync(csv, results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{obligations},{r.Name},{r.Product:F3},{r.Raw:F3},{r.Product / r.Raw:F3}")));
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

    /// <summary>The measures of one run; each is printed as it is taken, so a run cut short still leaves its figures.</summary>
    private sealed class MeasureList : List<(string Name, double Product, double Raw)>
    {
        public new void Add((string Name, double Product, double Raw) measure)
        {
            base.Add(measure);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measure.Name} {measure.Product:F3} {measure.Raw:F3} {measure.Product / measure.Raw:F2}"));
        }
    }

    private static string? Option(IReadOnlyList<string> options, string name)
    {
        int at = options.ToList().IndexOf(name);
        return at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
    }

    private static async Task<string> ObligationTableNameAsync(IServiceProvider services) =>
        (await services.GetRequiredService<Infrastructure.Storage.TableClients>().GetAsync("obligations")).Name;

    /// <summary>Every obligation row of the cycle (partitions "{cycle}|{unit}", rows "t…", from "s…" with the texts), as the product's own scans filter them.</summary>
    private static async Task<(List<TableEntity> Rows, double Seconds)> ScanAsync(TableClient table, string cycleId, string firstRow = "t")
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<TableEntity>();
        string cycle = TableKeys.Encode(cycleId);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {firstRow} and RowKey lt {"u"}"), maxPerPage: 1000))
        {
            rows.Add(e);
        }

        return (rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>An obligation's row as the store writes it (same keys and columns), for the raw baseline before the product.</summary>
    private static TableEntity RawRow(Obligation o) => new($"{TableKeys.Encode(o.CycleId)}|{TableKeys.Encode(o.UnitId)}", $"t{o.TaskNumber:D2}")
    {
        ["CycleId"] = o.CycleId,
        ["UnitId"] = o.UnitId,
        ["Task"] = o.TaskNumber,
        ["IsLead"] = o.IsLead,
        ["State"] = o.State.ToString(),
        ["Due"] = o.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Level"] = o.EscalationLevel,
        ["Late"] = o.Late,
        ["Rev"] = o.Revision,
        ["Returns"] = o.Returns,
    };

    /// <summary>Transactions of up to 100 rows of one partition, 16 at a time (what the product's own bulk writes use).</summary>
    private static Task ByPartitionAsync(IEnumerable<TableEntity> rows, Func<TableEntity[], Task> submit) =>
        Parallel.ForEachAsync(
            rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (chunk, _) => await submit(chunk));

    private static async Task<double> BoardAsync(HttpClient http, string cycleId, string query)
    {
        var watch = Stopwatch.StartNew();
        using HttpResponseMessage response = await http.GetAsync(new Uri($"/api/cycles/{Uri.EscapeDataString(cycleId)}{query}", UriKind.Relative));
        _ = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
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
