using System.Text.Json;
using SixStability.DevHost.Azurite;
using SixStability.Workflow.Cycles;

namespace SixStability.Bench.Releases;

/// <summary>
/// <c>upgrade PREVIOUS_DEVHOST_DLL CURRENT_DEVHOST_DLL</c>: a release while a cycle runs. The previous
/// build starts a demo cycle and is killed (-9) after its first reminder; the current build starts on
/// the same storage and must finish that cycle as the version it started with — no failed replay, no problem
/// recorded, nobody mailed twice — and start new cycles with the current orchestration version. Prints what it saw; exit code 1
/// when any check fails. scripts/upgrade-mid-cycle.sh builds both and runs this.
/// </summary>
internal static class UpgradeMidCycle
{
    public static async Task<int> RunAsync(string previousDll, string currentDll)
    {
        StorageEndpoints endpoints = ReleasePorts.Azurite();
        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, Console.Error, CancellationToken.None);
        string prefix = "u" + Guid.NewGuid().ToString("N")[..10];
        string hub = "SixStability" + prefix;
        string mail = Directory.CreateTempSubdirectory("upgrade-mail").FullName;
        var failures = new List<string>();

        string cycleId;
        string startedAs;
        int mailsBefore;
        await using (ExternalDevHost previous = await ExternalDevHost.StartAsync(previousDll, endpoints.ConnectionString, prefix, mail, ReleasePorts.DevHost()))
        {
            var script = new CycleScript(previous);
            await script.LoadSamplesAsync();
            cycleId = await script.StartAsync(CycleScript.PlanId, "2026Q3", """{ "kind": "demo", "secondsPerDay": 3 }""");
            await script.SubmitSomeAsync(cycleId, 5);
            JsonElement mid = await script.WaitAsync(cycleId, c => c.GetProperty("step").GetString()?.StartsWith("reminder", StringComparison.Ordinal) == true, "its first reminder");
            await previous.KillAsync();
            mailsBefore = Directory.GetFiles(mail, "*.eml").Length;

            // A build from before versions shows none: its cycles run version 1.
            startedAs = mid.TryGetProperty("orchestrationVersion", out JsonElement v) && v.GetString() is { Length: > 0 } shown ? shown : CycleOrchestratorVersions.V1;
            Console.WriteLine($"previous build: started {cycleId} as orchestration version {startedAs}, killed (-9) at step {mid.GetProperty("step").GetString()}, next wake-up {mid.GetProperty("nextAt")}, {mailsBefore} mails sent");
        }

        await using ExternalDevHost current = await ExternalDevHost.StartAsync(currentDll, endpoints.ConnectionString, prefix, mail, ReleasePorts.DevHost());
        var next = new CycleScript(current);
        JsonElement done = await next.WaitCompletedAsync(cycleId, TimeSpan.FromMinutes(5));
        string?[] history = [.. (await HistoryFixtures.ReadAsync(endpoints.ConnectionString, hub, cycleId)).Select(e => (string?)e["Name"])];
        Check(failures, done.GetProperty("runtime").GetString() == "Completed", $"runtime {done.GetProperty("runtime")}, failure {Text(done, "failure")}");
        Check(failures, done.GetProperty("status").GetString() == "closed", $"status {done.GetProperty("status")}");
        Check(failures, !done.TryGetProperty("problems", out JsonElement problems) || problems.GetArrayLength() == 0, $"problems {Text(done, "problems")}");
        Check(failures, done.GetProperty("orchestrationVersion").GetString() == startedAs, $"orchestrationVersion {Text(done, "orchestrationVersion")}, started as {startedAs}");
        Check(failures, history.Contains(nameof(RecordOrchestrationVersionActivity)) == (startedAs != CycleOrchestratorVersions.V1), $"the version-{startedAs} cycle's history {(startedAs == CycleOrchestratorVersions.V1 ? "holds" : "lacks")} version 2's step");
        Check(failures, !current.Output.Contains("NonDeterministic", StringComparison.OrdinalIgnoreCase), "the current build logged a non-deterministic replay");

        // {time}-{cycle}-{step}-{recipient}.eml: the same step never reaches the same recipient twice.
        string[] names = [.. Directory.GetFiles(mail, "*.eml").Select(Path.GetFileNameWithoutExtension).Select(n => n![(n!.IndexOf('-', StringComparison.Ordinal) + 1)..])];
        string[] twice = [.. names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];
        Check(failures, twice.Length == 0, $"mailed twice: {string.Join(", ", twice)}");
        Check(failures, names.Any(n => n.Contains("-summary-", StringComparison.Ordinal)), "no summary mail");
        Console.WriteLine($"current build: {cycleId} {done.GetProperty("runtime")} / {done.GetProperty("status")}, orchestration version {Text(done, "orchestrationVersion")}, " +
            $"{names.Length} mails in all ({names.Length - mailsBefore} after the restart), {twice.Length} sent twice, history {history.Length} events, " +
            $"level 3 {done.GetProperty("counts").GetProperty("level3")}");

        string fresh = await next.StartAsync(CycleScript.PlanId, "2026Q2", """{ "kind": "demo", "secondsPerDay": 1 }""");
        JsonElement freshDone = await next.WaitCompletedAsync(fresh, TimeSpan.FromMinutes(5));
        string?[] freshHistory = [.. (await HistoryFixtures.ReadAsync(endpoints.ConnectionString, hub, fresh)).Select(e => (string?)e["Name"])];
        Check(failures, freshDone.GetProperty("runtime").GetString() == "Completed" && freshDone.GetProperty("orchestrationVersion").GetString() == CycleOrchestratorVersions.Current, $"new cycle: {freshDone.GetProperty("runtime")}, version {Text(freshDone, "orchestrationVersion")}");
        Check(failures, freshHistory.Contains(nameof(RecordOrchestrationVersionActivity)), "the new cycle did not run version 2's step");
        Console.WriteLine($"current build, new cycle {fresh}: {freshDone.GetProperty("runtime")} / {freshDone.GetProperty("status")}, orchestration version {Text(freshDone, "orchestrationVersion")}");

        foreach (string failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "upgrade mid-cycle: all checks passed" : $"upgrade mid-cycle: {failures.Count} checks failed");
        Directory.Delete(mail, recursive: true);
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Check(List<string> failures, bool ok, string what)
    {
        if (!ok)
        {
            failures.Add(what);
        }
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) ? v.ToString() : "(none)";
}
