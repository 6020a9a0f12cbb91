using System.Net;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>A DevHost stopped mid-cycle and started again on the same storage finishes the cycle, mailing no one twice.</summary>
public sealed class DevHostRestartTests
{
    [Fact]
    public async Task A_cycle_survives_a_DevHost_restart_and_no_mail_is_sent_twice()
    {
        string prefix = DevHostServer.NewPrefix();
        string mail = Directory.CreateTempSubdirectory("restart-mail").FullName;
        await using (DevHostServer first = await DevHostServer.StartAsync(prefix, mail))
        {
            using HttpClient admin = first.AdminClient();
            (await admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
            (await admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"))).EnsureSuccessStatusCode();
            (await admin.PostAsync("/api/cycles", new StringContent("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 1 } }""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            await WaitAsync(admin, c => c.GetProperty("step").GetString()?.StartsWith("reminder", StringComparison.Ordinal) == true);
        }

        int beforeRestart = Directory.GetFiles(mail, "*.eml").Length;
        await using DevHostServer second = await DevHostServer.StartAsync(prefix, mail);
        using HttpClient again = second.AdminClient();
        JsonElement closed = await WaitAsync(again, c => c.GetProperty("status").GetString() == "closed" && c.GetProperty("runtime").GetString() == "Completed");

        closed.GetProperty("counts").GetProperty("level3").GetInt32().Should().Be(195);
        string[] files = Directory.GetFiles(mail, "*.eml").Select(Path.GetFileNameWithoutExtension).ToArray()!;
        files.Length.Should().BeGreaterThan(beforeRestart, "the cycle went on after the restart");
        // Names are {time}-{cycle}-{step}-{recipient}: the same step never reaches the same recipient twice.
        files.Select(f => f[(f.IndexOf('-', StringComparison.Ordinal) + 1)..]).Should().OnlyHaveUniqueItems();
        files.Should().Contain(f => f.Contains("-summary-", StringComparison.Ordinal));
        Directory.Delete(mail, recursive: true);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient admin, Func<JsonElement, bool> until)
    {
        // A restarted host waits for the durable engine's leases of the stopped one to lapse, so allow minutes, and
        // say where the cycle stood when it did not get there.
        string last = "(no answer)";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            using HttpResponseMessage get = await admin.GetAsync("/api/cycles/jingdezhen-2020Q3");
            last = $"{(int)get.StatusCode} {await get.Content.ReadAsStringAsync()}";
            if (get.StatusCode == HttpStatusCode.OK)
            {
                JsonElement body = await get.JsonAsync();
                if (body.TryGetProperty("counts", out _) && body.GetProperty("step").ValueKind == JsonValueKind.String && until(body))
                {
                    return body;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The cycle never got there; last answer: {(last.Length > 2000 ? last[..2000] : last)}");
    }
}
