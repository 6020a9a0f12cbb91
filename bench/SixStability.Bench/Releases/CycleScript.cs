using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SixStability.Infrastructure.Links;

namespace SixStability.Bench.Releases;

/// <summary>
/// Drives a DevHost over its HTTP API as the coordinator and the units would: the cycles whose histories
/// become replay fixtures, and the cycle the upgrade check stops mid-way. Only the public API is used,
/// so the same script drives the previous release's build and the current one.
/// </summary>
internal sealed class CycleScript(ExternalDevHost host)
{
    public const string PlanId = "jingdezhen";

    /// <summary>
    /// The quarter of the cycles that must wait for commands: its timeline has to lie ahead, and the
    /// default one of 2026Q4 falls in 2027, whose holidays are not published yet (the product refuses to
    /// guess), so these cycles set an explicit due day three weeks ahead (<see cref="DuePolicy"/>): the
    /// default rules on the China calendar around that day. The orchestrator sees only the timeline's
    /// ticks, so its history has the same shape as a default cycle's.
    /// </summary>
    public const string AheadQuarter = "2026Q4";

    /// <summary>The explicit-due policy three weeks (rounded to a Monday–Friday day) from today.</summary>
    public static string DuePolicy()
    {
        DateOnly due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        while (due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            due = due.AddDays(1);
        }

        return $$"""{ "kind": "due", "due": "{{Iso(due)}}" }""";
    }

    private static readonly HmacLinkSigner Signer = new(Options.Create(new LinkOptions { SigningKey = ExternalDevHost.SigningKey }), TimeProvider.System);

    public async Task LoadSamplesAsync()
    {
        using HttpClient admin = host.Admin();
        await SendAsync(admin, HttpMethod.Put, "/api/directory", File.ReadAllText(Sample("directory.json")), "application/json");
        await SendAsync(admin, HttpMethod.Put, $"/api/plans/{PlanId}", File.ReadAllText(Sample("jingdezhen.txt")), "text/plain");
    }

    public async Task ImportPlanAsAsync(string planId)
    {
        using HttpClient admin = host.Admin();
        await SendAsync(admin, HttpMethod.Put, $"/api/plans/{planId}", File.ReadAllText(Sample("jingdezhen.txt")), "text/plain");
    }

    public async Task<string> StartAsync(string planId, string quarter, string? policyJson)
    {
        using HttpClient admin = host.Admin();
        string body = policyJson is null ? $$"""{ "planId": "{{planId}}", "quarter": "{{quarter}}" }""" : $$"""{ "planId": "{{planId}}", "quarter": "{{quarter}}", "policy": {{policyJson}} }""";
        using JsonDocument started = JsonDocument.Parse(await SendAsync(admin, HttpMethod.Post, "/api/cycles", body, "application/json"));
        return started.RootElement.GetProperty("cycleId").GetString()!;
    }

    /// <summary>Every kind of coordinator and unit command on a cycle asleep before its first reminder, then close now.</summary>
    public async Task RunEveryCommandAsync(string cycleId)
    {
        JsonElement cycle = await WaitAsync(cycleId, c => c.TryGetProperty("counts", out _) && c.GetProperty("step").ValueKind == JsonValueKind.String, "open");
        JsonElement[] units = [.. cycle.GetProperty("units").EnumerateArray()];
        (string a, string b, string c, string d) = (Id(units[0]), Id(units[1]), Id(units[2]), Id(units[3]));
        using HttpClient admin = host.Admin();

        // 延期 by the coordinator: the unit's reminders and escalation follow its new date.
        DateOnly aDue = Due(units[0]).AddDays(7);
        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/extensions", $$"""{ "unitId": "{{a}}", "due": "{{Iso(aDue)}}", "reason": "防汛任务重" }""", "application/json");
        await WaitAsync(cycleId, x => UnitDue(x, a) == aDue, "extension");

        // 退回: a unit submits, the coordinator returns it (no orchestration event, but part of every cycle).
        int task = units[1].GetProperty("owed")[0].GetInt32();
        using (HttpClient unitB = Unit(b, cycleId))
        {
            await SendAsync(unitB, HttpMethod.Post, $"/api/me/obligations/{task}/submission", """{ "narrative": "已完成季度目标的一半。", "status": "按进度推进" }""", "application/json");
        }

        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/returns", $$"""{ "unitId": "{{b}}", "task": {{task}}, "reason": "请补充具体数据。" }""", "application/json");

        // 延期申请 approved: the decision raises the same command as the coordinator's extension.
        DateOnly cDue = Due(units[2]).AddDays(5);
        using (HttpClient unitC = Unit(c, cycleId))
        {
            await SendAsync(unitC, HttpMethod.Post, "/api/me/extension-request", $$"""{ "due": "{{Iso(cDue)}}", "reason": "数据需统计局核实" }""", "application/json");
        }

        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/extension-requests/{c}", """{ "approve": true, "note": "同意。" }""", "application/json");
        await WaitAsync(cycleId, x => UnitDue(x, c) == cDue, "approved request");

        // 延期申请 refused: the unit is told, the cycle's timeline does not change.
        using (HttpClient unitD = Unit(d, cycleId))
        {
            await SendAsync(unitD, HttpMethod.Post, "/api/me/extension-request", $$"""{ "due": "{{Iso(Due(units[3]).AddDays(30))}}", "reason": "人手不足" }""", "application/json");
        }

        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/extension-requests/{d}", """{ "approve": false, "note": "请按期报送。" }""", "application/json");

        // 立即关闭.
        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/close", "{}", "application/json");
        await WaitCompletedAsync(cycleId, TimeSpan.FromMinutes(3));
    }

    public async Task CancelAsync(string cycleId)
    {
        await WaitAsync(cycleId, c => c.TryGetProperty("counts", out _) && c.GetProperty("step").ValueKind == JsonValueKind.String, "open");
        using HttpClient admin = host.Admin();
        await SendAsync(admin, HttpMethod.Post, $"/api/cycles/{cycleId}/cancel", "{}", "application/json");
        await WaitCompletedAsync(cycleId, TimeSpan.FromMinutes(2));
    }

    /// <summary>A few units submit at once, so the demo's steps remind and escalate fewer than all.</summary>
    public async Task SubmitSomeAsync(string cycleId, int units)
    {
        JsonElement cycle = await WaitAsync(cycleId, c => c.TryGetProperty("counts", out _), "open");
        foreach (JsonElement unit in cycle.GetProperty("units").EnumerateArray().Take(units))
        {
            using HttpClient client = Unit(Id(unit), cycleId);
            foreach (JsonElement task in unit.GetProperty("owed").EnumerateArray())
            {
                await SendAsync(client, HttpMethod.Post, $"/api/me/obligations/{task.GetInt32()}/submission", """{ "narrative": "按计划推进。", "status": "按进度推进" }""", "application/json");
            }
        }
    }

    public Task<JsonElement> WaitCompletedAsync(string cycleId, TimeSpan timeout) =>
        WaitAsync(cycleId, c => c.GetProperty("runtime").GetString() is "Completed" or "Failed" or "Terminated", "the orchestration's end", timeout);

    public async Task<JsonElement> GetAsync(string cycleId)
    {
        using HttpClient admin = host.Admin();
        using JsonDocument doc = JsonDocument.Parse(await SendAsync(admin, HttpMethod.Get, $"/api/cycles/{cycleId}", null, null));
        return doc.RootElement.Clone();
    }

    public async Task<JsonElement> WaitAsync(string cycleId, Func<JsonElement, bool> until, string what, TimeSpan? timeout = null)
    {
        using HttpClient admin = host.Admin();
        DateTime end = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (DateTime.UtcNow < end)
        {
            using HttpResponseMessage answer = await admin.GetAsync(new Uri($"/api/cycles/{cycleId}", UriKind.Relative));
            if (answer.IsSuccessStatusCode)
            {
                using JsonDocument doc = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                if (doc.RootElement.TryGetProperty("runtime", out JsonElement runtime) && runtime.ValueKind == JsonValueKind.String && until(doc.RootElement))
                {
                    return doc.RootElement.Clone();
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{cycleId} never reached {what}.\n{host.Output}");
    }

    private HttpClient Unit(string unitId, string cycleId)
    {
        var client = new HttpClient { BaseAddress = host.Address };
        Uri link = Signer.UnitLink(unitId, cycleId, DateTimeOffset.UtcNow.AddDays(30));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(link.Query[3..]));
        return client;
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        using HttpResponseMessage answer = await client.SendAsync(request);
        string text = await answer.Content.ReadAsStringAsync();
        return answer.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{method} {path} → {(int)answer.StatusCode}: {text}");
    }

    private static string Id(JsonElement unit) => unit.GetProperty("unitId").GetString()!;

    private static DateOnly Due(JsonElement unit) => DateOnly.Parse(unit.GetProperty("due").GetString()!, CultureInfo.InvariantCulture);

    private static DateOnly? UnitDue(JsonElement cycle, string unitId) =>
        cycle.GetProperty("units").EnumerateArray().Where(u => Id(u) == unitId).Select(Due).FirstOrDefault();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);
}
