using SixStability.DevHost.Azurite;

namespace SixStability.Bench.Releases;

/// <summary>
/// <c>record-fixtures DEVHOST_DLL FOLDER LABEL</c>: runs real cycles on the given DevHost build (its own
/// process, over a fresh Azurite) and writes each one's full orchestration history to FOLDER as a replay
/// fixture: a cycle on the China calendar taking every command (extension, return, extension request
/// approved and refused, close now), one cancelled, a default-policy cycle started after its whole
/// timeline had passed (every step at once), and a demo cycle that runs every step on its timers.
/// scripts/record-replay-fixtures.sh builds the DevHost and calls this (README, Releasing while cycles run).
/// </summary>
internal static class RecordFixtures
{
    public static async Task<int> RunAsync(string devHostDll, string folder, string label)
    {
        StorageEndpoints endpoints = ReleasePorts.Azurite();
        await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, null, Console.Error, CancellationToken.None);
        string prefix = "r" + Guid.NewGuid().ToString("N")[..10];
        string mail = Directory.CreateTempSubdirectory("fixture-mail").FullName;
        await using ExternalDevHost host = await ExternalDevHost.StartAsync(devHostDll, endpoints.ConnectionString, prefix, mail, ReleasePorts.DevHost());
        var script = new CycleScript(host);
        await script.LoadSamplesAsync();
        string hub = "SixStability" + prefix;

        string policy = CycleScript.DuePolicy();
        string commands = await script.StartAsync(CycleScript.PlanId, CycleScript.AheadQuarter, policy);
        await script.RunEveryCommandAsync(commands);
        Console.WriteLine(await HistoryFixtures.WriteAsync(folder, "calendar-commands", $"{CycleScript.AheadQuarter}, the default rules on the China calendar around an explicit due day three weeks ahead ({policy}): opened, then 延期 by the coordinator, a submission returned, a 延期申请 approved and one refused, closed now.", label, endpoints.ConnectionString, hub, commands));

        await script.ImportPlanAsAsync("cancelled");
        string cancelled = await script.StartAsync("cancelled", CycleScript.AheadQuarter, policy);
        await script.CancelAsync(cancelled);
        Console.WriteLine(await HistoryFixtures.WriteAsync(folder, "calendar-cancel", $"{CycleScript.AheadQuarter} as above: opened, then cancelled.", label, endpoints.ConnectionString, hub, cancelled));

        string late = await script.StartAsync(CycleScript.PlanId, "2026Q3", null);
        await script.WaitCompletedAsync(late, TimeSpan.FromMinutes(5));
        Console.WriteLine(await HistoryFixtures.WriteAsync(folder, "default-late", "Default policy, 2026Q3, started after its whole timeline had passed: every step runs at once, then the close.", label, endpoints.ConnectionString, hub, late));

        string demo = await script.StartAsync(CycleScript.PlanId, "2026Q2", """{ "kind": "demo", "secondsPerDay": 2 }""");
        await script.SubmitSomeAsync(demo, 5);
        await script.WaitCompletedAsync(demo, TimeSpan.FromMinutes(5));
        Console.WriteLine(await HistoryFixtures.WriteAsync(folder, "demo", "Demo policy (2 s a day): opening, every reminder and escalation level with its digest, the close; five units submitted at once.", label, endpoints.ConnectionString, hub, demo));

        Directory.Delete(mail, recursive: true);
        return 0;
    }
}
