using SixStability.DevHost.Azurite;
using SixStability.Integration.Tests.Security.Fuzz;

namespace SixStability.Bench;

/// <summary>
/// <c>fuzz CASES [SEED]</c>: the route fuzzer of the security tests (its files are linked here) against a
/// DevHost on its own Azurite, printing <c>cases N, 5xx 0, partial writes 0</c>; exit code 1 on any failure.
/// </summary>
internal static class RouteFuzz
{
    public static async Task<int> RunAsync(int cases, int seed)
    {
        var endpoints = StorageEndpoints.OnFreePorts();
        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, TextWriter.Null, CancellationToken.None);
        await using FuzzTarget target = await FuzzTarget.StartAsync(endpoints.ConnectionString);
        FuzzReport report = await new RouteFuzzer(target, seed).RunAsync(cases, progress => Console.Error.WriteLine($"  … {progress.Figures} ({progress.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine(report.ToString().TrimEnd());
        return report.Clean ? 0 : 1;
    }
}
