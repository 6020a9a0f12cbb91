using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>
/// Fifty clerks of one unit saving at once: no answer is 5xx, every acknowledged save is in the history
/// in commit order, and what stands is the last acknowledged revision (issue: 109 of 600 answered 500).
/// </summary>
public sealed class ContentionTests : DemoCycleApiTest
{
    private const int Clients = 50;
    private const int Requests = 600;

    [Fact]
    public async Task Fifty_clients_saving_one_units_tasks_get_no_5xx_and_every_acknowledged_save_is_kept_in_commit_order()
    {
        int[] tasks = [.. (await (await Server.UnitClient("rsj").GetAsync("/api/me/obligations")).JsonAsync()).GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("task").GetInt32())];
        var acknowledged = new ConcurrentBag<(int Task, int Revision, string Narrative)>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        int next = -1;

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using HttpClient rsj = Server.UnitClient("rsj");
            for (int i; (i = Interlocked.Increment(ref next)) < Requests;)
            {
                int task = tasks[i % tasks.Length];
                string narrative = $"第{i}次保存（客户端{client}）";
                using var body = new StringContent(JsonSerializer.Serialize(new { narrative }), Encoding.UTF8, "application/json");
                using HttpResponseMessage saved = await rsj.PutAsync($"/api/me/obligations/{task}/draft", body);
                statuses.Add(saved.StatusCode);
                if (saved.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add((task, int.Parse(saved.Headers.ETag!.Tag.Trim('"')[1..], System.Globalization.CultureInfo.InvariantCulture), narrative));
                }
            }
        }));

        statuses.Should().HaveCount(Requests).And.OnlyContain(s => (int)s < 500);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK, "drafts without If-Match never conflict; contention is retried, not refused");
        using HttpClient reader = Server.UnitClient("rsj");
        foreach (int task in tasks)
        {
            var mine = acknowledged.Where(a => a.Task == task).OrderBy(a => a.Revision).ToList();
            JsonElement history = await (await reader.GetAsync($"/api/me/obligations/{task}/history")).JsonAsync();
            string[] narratives = [.. history.EnumerateArray().Select(h => h.GetProperty("content").GetProperty("narrative").GetString()!)];

            narratives.Should().Equal(mine.Select(a => a.Narrative), $"task {task}: every acknowledged save, in the order the revisions were committed");
            mine.Select(a => a.Revision).Should().Equal(Enumerable.Range(1, mine.Count), "revisions are consecutive: no save lost or doubled");
        }

        JsonElement current = await (await reader.GetAsync("/api/me/obligations")).JsonAsync();
        foreach (JsonElement o in current.GetProperty("obligations").EnumerateArray())
        {
            int task = o.GetProperty("task").GetInt32();
            o.GetProperty("etag").GetString().Should().Be($"\"r{acknowledged.Count(a => a.Task == task)}\"", "what stands is the last acknowledged revision");
        }
    }
}
