using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Bench;

/// <summary>
/// <c>history OBLIGATIONS [SUBMITTED%] [--tasks T] [--ports BLOB,QUEUE,TABLE] [--url URL]</c>: runs one whole demo cycle on DevHost's durable engine (DTFx over
/// Azurite) and counts the rows of its orchestration history, to show it grows with steps and pages, not
/// with obligations or submissions. Mail is counted, not written.
/// </summary>
internal static class HistorySize
{
    public static async Task RunAsync(int obligations, int submittedPercent, IReadOnlyList<string> options)
    {
        // The orchestration fans out per range of 200 units, never per obligation: `--tasks 1` gives 100,000 obligations'
        // ranges (5,000 units) at a twentieth of the storage work.
        int tasksAt = options.ToList().IndexOf("--tasks");
        int tasks = tasksAt >= 0 && tasksAt + 1 < options.Count ? int.Parse(options[tasksAt + 1], System.Globalization.CultureInfo.InvariantCulture) : obligations >= 1000 ? 20 : 3;
        int units = obligations / tasks;
        int at = options.ToList().IndexOf("--ports");
        int[]? ports = at >= 0 && at + 1 < options.Count ? [.. options[at + 1].Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))] : null;
        int urlAt = options.ToList().IndexOf("--url");
        string url = urlAt >= 0 && urlAt + 1 < options.Count ? options[urlAt + 1] : $"http://127.0.0.1:{LoopbackPorts.Free()}";
        StorageEndpoints endpoints = ports is null ? StorageEndpoints.OnFreePorts() : new StorageEndpoints(ports[0], ports[1], ports[2]);
        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, Console.Error, CancellationToken.None);
        var mailer = new CountingMailer();
        await using WebApplication app = DevHostApp.Build([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = endpoints.ConnectionString,
            ["Urls"] = url,
            ["Logging:LogLevel:Default"] = "Warning",
        }, services => services.AddSingleton<IMailer>(mailer));
        await app.StartAsync();
        IServiceProvider services = app.Services;

        await BenchPlan.StoreAsync(services, units, tasks, _ => "内容。");

        var input = new CycleInput("bench-2020Q3", "bench", "2020Q3", new CyclePolicyChoice(CyclePolicyChoice.Demo, SecondsPerDay: 2), DateTimeOffset.UtcNow);
        ICycleClient engine = services.GetRequiredService<ICycleClient>();
        var watch = Stopwatch.StartNew();
        await engine.TryScheduleAsync(input, CancellationToken.None);
        ICycleStore cycles = services.GetRequiredService<ICycleStore>();
        while (await cycles.GetAsync(input.CycleId, CancellationToken.None) is null)
        {
            await Task.Delay(100);
        }

        TimeSpan opened = watch.Elapsed;
        IObligationStore store = services.GetRequiredService<IObligationStore>();
        var chosen = new List<Core.Cycles.Obligation>();
        await foreach (Core.Cycles.Obligation o in store.ListAsync(input.CycleId, null, CancellationToken.None))
        {
            // Whole units submit (a unit that owes nothing is not reminded), SUBMITTED% of them.
            if (int.Parse(o.UnitId[1..], System.Globalization.CultureInfo.InvariantCulture) % 100 < submittedPercent)
            {
                chosen.Add(o);
            }
        }

        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (o, ct) =>
            await store.ChangeAsync(o.CycleId, o.UnitId, o.TaskNumber, x => x.Submit(DateTimeOffset.UtcNow, new DateOnly(2020, 10, 2)), new HistoryEntry(DateTimeOffset.UtcNow, o.UnitId, "submitted"), null, ct));

        while ((await engine.GetAsync(input.CycleId, CancellationToken.None))?.RuntimeStatus != "Completed" && watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(500);
        }

        var history = new TableClient(endpoints.ConnectionString, "SixStabilityHistory");
        var rows = new List<string>();
        await foreach (TableEntity e in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {input.CycleId}"), select: ["EventType"]))
        {
            rows.Add(e.GetString("EventType") ?? "?");
        }

        Console.WriteLine($"{obligations} obligations ({units} units × {tasks} tasks, {(units + OpenCycleActivity.UnitsPerRange - 1) / OpenCycleActivity.UnitsPerRange} ranges, {chosen.Count} submitted by {chosen.Select(o => o.UnitId).Distinct().Count()} units): completed in {watch.Elapsed.TotalSeconds:F0} s (opened in {opened.TotalSeconds:F1} s); " +
            $"history {rows.Count} rows: {string.Join(", ", rows.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}; mails {mailer.Count}");
        await app.StopAsync();
    }


    private sealed class CountingMailer : IMailer
    {
        private int count;

        public int Count => count;

        public Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref count, recipients.Count);
            return Task.FromResult<IReadOnlyList<Delivery>>(recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Sent)).ToList());
        }
    }
}
