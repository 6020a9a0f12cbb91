using System.Diagnostics;

namespace SixStability.Bench;

/// <summary>The time a piece of work takes and the most managed heap it holds above what was there before it (sampled every 10 ms).</summary>
internal static class HeapPeak
{
    public static async Task<(double Seconds, long Bytes)> MeasureAsync(Func<Task> work)
    {
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
        var watch = Stopwatch.StartNew();
        await work();
        double seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return (seconds, Math.Max(peak, GC.GetTotalMemory(false)) - baseline);
    }
}
