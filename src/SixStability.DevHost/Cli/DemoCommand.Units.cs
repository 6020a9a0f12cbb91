using System.Net.Http.Headers;
using System.Text;

namespace SixStability.DevHost.Cli;

// The units' part of the demo: their links from the opening mail and their submissions, some on time, some late.
internal static partial class DemoCommand
{
    /// <summary>Every unit of the cycle with the link its mail carries, once the cycle has opened.</summary>
    private static async Task<Dictionary<string, string>> UnitLinksAsync(HttpClient http, ILinkSigner signer, string cycleId)
    {
        for (int i = 0; i < 600; i++)
        {
            JsonElement cycle = await GetAsync(http, $"/api/cycles/{cycleId}").ConfigureAwait(false);
            if (cycle.TryGetProperty("units", out JsonElement units))
            {
                DateTimeOffset expires = DateTimeOffset.UtcNow.AddDays(30);
                return units.EnumerateArray().Select(u => u.GetProperty("unitId").GetString()!).ToDictionary(
                    unit => unit,
                    unit => Uri.UnescapeDataString(LinkPattern().Match(signer.UnitLink(unit, cycleId, expires).AbsoluteUri).Groups["t"].Value),
                    StringComparer.Ordinal);
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new InvalidOperationException("演示周期未能开启。");
    }

    /// <summary>
    /// Units, each with its own link, report every task they owe — a few at once, as clerks do, so the script keeps
    /// pace with a compressed timeline on a slow machine — in words a county or department would write: each
    /// report its own sentences, whole numbers where things are counted, a level near its target, a ceiling
    /// kept, and the lead unit's answer on each dated deadline.
    /// </summary>
    private static async Task<int> SubmitAllAsync(HttpClient http, Dictionary<string, string> links, IEnumerable<string> units)
    {
        int count = 0;
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (unit, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/obligations");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", links[unit]);
            using HttpResponseMessage list = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            using JsonDocument mine = JsonDocument.Parse(await list.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            string unitName = mine.RootElement.GetProperty("unit").GetProperty("name").GetString() ?? unit;
            foreach (JsonElement o in mine.RootElement.GetProperty("obligations").EnumerateArray())
            {
                int task = o.GetProperty("task").GetInt32();
                int seed = Seed(unit, task);
                var body = new Dictionary<string, object?>
                {
                    ["narrative"] = DemoReports.Narrative(unitName, o.GetProperty("title").GetString() ?? string.Empty, o.GetProperty("lead").GetBoolean(), seed),
                    ["status"] = seed % 23 == 4 ? "滞后" : "按进度推进",
                    ["indicators"] = o.GetProperty("indicators").EnumerateArray().Select((i, n) => new Dictionary<string, object>
                    {
                        ["name"] = i.GetProperty("name").GetString()!,
                        ["value"] = DemoReports.Value(i.GetProperty("target").GetDecimal(), i.GetProperty("unit").GetString() ?? string.Empty, i.GetProperty("kind").GetString() ?? "cumulative", seed + n),
                    }).ToList(),
                    ["difficulties"] = DemoReports.Difficulty(seed),
                    ["nextSteps"] = DemoReports.NextStep(seed),
                };
                if (o.TryGetProperty("deadlines", out JsonElement deadlines) && deadlines.ValueKind == JsonValueKind.Array)
                {
                    body["deadlines"] = deadlines.EnumerateArray().Select((d, n) => DemoReports.Deadline(d.GetProperty("date").GetString()!, seed + n)).ToList();
                }

                using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/me/obligations/{task}/submission")
                {
                    Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
                };
                submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", links[unit]);
                using HttpResponseMessage response = await http.SendAsync(submit, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref count);
                }
            }
        }).ConfigureAwait(false);

        return count;
    }

    /// <summary>The same script every run: a stable number from the unit and the task.</summary>
    private static int Seed(string unit, int task) => unit.Aggregate(task * 31, (h, c) => ((h * 33) + c) & 0x7FFFFFFF);
}
