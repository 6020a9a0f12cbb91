using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Azure.Core.Diagnostics;

namespace SixStability.Bench;

/// <summary>
/// Counts the storage requests this process sends to the table and blob ports while it listens (Azure.Core's event
/// source names every request), by kind: a point read or query names its table, a transaction is <c>$batch</c>. The
/// durable engine's own tables (<c>…History</c>, <c>…Instances</c>, <c>…Partitions</c>) and its queues are left out:
/// they poll whatever the product does.
/// </summary>
internal sealed class StorageCalls : IDisposable
{
    private static readonly string[] EngineTables = ["History", "Instances", "Partitions"];
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> seconds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> slowest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Kind, long Started)> open = new(StringComparer.Ordinal);
    private readonly AzureEventSourceListener listener;
    private readonly int[] ports;
    private volatile bool listening;

    public StorageCalls(params int[] ports)
    {
        this.ports = ports;
        listener = new AzureEventSourceListener(OnEvent, EventLevel.Informational);
    }

    /// <summary>Counts from now on, from zero.</summary>
    public void Start()
    {
        counts.Clear();
        seconds.Clear();
        slowest.Clear();
        open.Clear();
        listening = true;
    }

    /// <summary>Stops counting and returns what was counted, per kind.</summary>
    public IReadOnlyDictionary<string, int> Stop()
    {
        listening = false;
        return new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }

    /// <summary>"GET obligations 2.0, $batch 1.0 …": calls of each kind per <paramref name="per"/> operations.</summary>
    public static string Describe(IReadOnlyDictionary<string, int> counted, int per) =>
        string.Join(", ", counted.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {(double)c.Value / per:F2}")))
        + string.Create(CultureInfo.InvariantCulture, $" = {(double)counted.Where(c => !c.Key.StartsWith('(')).Sum(c => c.Value) / per:F2}");

    /// <summary>The mean time of a call of each kind counted since <see cref="Start"/>, in milliseconds.</summary>
    public string MeanTimes() => string.Join(", ", seconds.OrderByDescending(s => s.Value).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value * 1000 / Math.Max(1, counts.GetValueOrDefault(s.Key)):F0} ms (slowest {slowest.GetValueOrDefault(s.Key) * 1000:F0})")));

    public void Dispose() => listener.Dispose();

    private void OnEvent(EventWrittenEventArgs e, string message)
    {
        if (!listening || e.PayloadNames is null)
        {
            return;
        }

        int id = e.PayloadNames.IndexOf("requestId");

        // Retries and error answers are listed beside the calls (in brackets), not counted as calls.
        if (e.EventName is "RequestRetrying" or "ErrorResponse")
        {
            int status = e.PayloadNames.IndexOf("status");
            counts.AddOrUpdate($"({e.EventName}{(status >= 0 ? " " + e.Payload?[status] : string.Empty)})", 1, (_, n) => n + 1);
        }

        if (e.EventName is "Response" or "ErrorResponse" && id >= 0 && e.Payload?[id] is string done && open.TryRemove(done, out var started))
        {
            double took = System.Diagnostics.Stopwatch.GetElapsedTime(started.Started).TotalSeconds;
            seconds.AddOrUpdate(started.Kind, took, (_, t) => t + took);
            slowest.AddOrUpdate(started.Kind, took, (_, t) => Math.Max(t, took));
            return;
        }

        if (e.EventName != "Request")
        {
            return;
        }

        int at = e.PayloadNames.IndexOf("uri");
        int method = e.PayloadNames.IndexOf("method");
        if (at < 0 || e.Payload?[at] is not string text || !Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || !ports.Contains(uri.Port))
        {
            return;
        }

        // Path: /devstoreaccount1/{table}(…) or /devstoreaccount1/$batch or /devstoreaccount1/{container}/{blob}.
        string[] segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string target = segments.Length > 1 ? segments[1] : "?";
        int paren = target.IndexOf('(', StringComparison.Ordinal);
        string name = paren >= 0 ? target[..paren] : target;
        if (EngineTables.Any(t => name.EndsWith(t, StringComparison.OrdinalIgnoreCase)) || name.Contains("lease", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Tables of the product carry a random prefix in tests; keep the last word so kinds read the same.
        string kind = $"{(method >= 0 ? e.Payload[method] : "?")} {TrimPrefix(name)}{(paren >= 0 ? "(key)" : string.Empty)}";
        counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (id >= 0 && e.Payload[id] is string requestId)
        {
            open[requestId] = (kind, System.Diagnostics.Stopwatch.GetTimestamp());
        }
    }

    private static string TrimPrefix(string name)
    {
        foreach (string known in new[] { "obligations", "tallies", "cycles", "plans", "directory", "outbox", "audit" })
        {
            if (name.EndsWith(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name;
    }
}
