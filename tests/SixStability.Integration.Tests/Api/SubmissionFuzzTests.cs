using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>
/// Random and hostile input at the submit endpoint: huge strings, control characters, quotes and
/// key-breaking characters, OData-looking text, wrong types, negative numbers, broken JSON. Never a
/// 500, and a refused request never leaves a trace in the unit's history.
/// </summary>
public sealed class SubmissionFuzzTests : DemoCycleApiTest
{
    private static readonly string[] Hostile =
    [
        "'", "\"", "#", "/", "\\", "?", "%", "|", "' or 1 eq 1 or '", "PartitionKey eq 'x'", "\u0000", "\u0007\u001b[31m", "\ud800",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "𠀀𠀁", "按进度推进\u200b", new string('长', 5001), new string('x', 70_000),
    ];

    private static string RandomValue(Random random) => random.Next(8) switch
    {
        0 => JsonSerializer.Serialize(Hostile[random.Next(Hostile.Length)]),
        1 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "[1,2,3]",
        3 => "{\"a\":1}",
        4 => "null",
        5 => "true",
        6 => JsonSerializer.Serialize(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x3000)))),
        _ => JsonSerializer.Serialize("按进度推进"),
    };

    /// <summary>Text a clerk may well type that breaks naive keys, filters or HTML: it must be stored intact.</summary>
    private static readonly string[] Awkward =
    [
        "完成率'100%'", "\"引号\"与#号/斜杠\\反斜杠?", "' or RowKey ne '' or '", "<b>加粗</b>&amp;", "第一行\n第二行\t制表", "𠀀𠀁生僻字", "|分隔|",
    ];

    private static string RandomBody(Random random)
    {
        if (random.Next(4) == 0)
        {
            // Well-formed but awkward: accepted and stored exactly as sent.
            return JsonSerializer.Serialize(new { narrative = Awkward[random.Next(Awkward.Length)], status = "按进度推进", nextSteps = Awkward[random.Next(Awkward.Length)] });
        }

        if (random.Next(10) == 0)
        {
            return random.Next(3) switch
            {
                0 => "{ \"narrative\": ",
                1 => string.Concat(Enumerable.Range(0, 50).Select(_ => (char)random.Next(0, 128))),
                _ => string.Empty,
            };
        }

        string indicators = random.Next(3) == 0
            ? $", \"indicators\": [ {{ \"name\": {RandomValue(random)}, \"value\": {RandomValue(random)} }} ]"
            : string.Empty;
        return $"{{ \"narrative\": {RandomValue(random)}, \"status\": {RandomValue(random)}, \"difficulties\": {RandomValue(random)}{indicators} }}";
    }

    [Fact]
    public async Task Hostile_submissions_never_fail_the_server_and_refused_ones_store_nothing()
    {
        var random = new Random(20201014);
        using HttpClient fgw = Server.UnitClient("fgw");
        string[] tasks = ["1", "6", "13", "99", "0", "-1", "abc", "1%2F2", "99999999999", "%27"];
        var statuses = new Dictionary<int, int>();

        for (int i = 0; i < 150; i++)
        {
            string task = tasks[random.Next(tasks.Length)];
            int before = await HistoryCountAsync(fgw, task);
            string body = RandomBody(random);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await fgw.PostAsync($"/api/me/obligations/{task}/submission", content);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;

            status.Should().BeLessThan(500, await response.Content.ReadAsStringAsync());
            if (status >= 400)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                (await HistoryCountAsync(fgw, task)).Should().Be(before, "a refused submission leaves no trace");
            }
            else
            {
                (await HistoryCountAsync(fgw, task)).Should().Be(before + 1, "an accepted submission is stored once");
                JsonElement stored = (await (await fgw.GetAsync($"/api/me/obligations/{task}/history")).JsonAsync())[before].GetProperty("content");
                using JsonDocument sent = JsonDocument.Parse(body);
                stored.GetProperty("narrative").GetString().Should().Be(sent.RootElement.GetProperty("narrative").GetString(), "it is stored whole");
            }
        }

        statuses.Keys.Should().Contain([200, 400, 404], "the run exercised acceptance and refusals");

        int beforeHuge = await HistoryCountAsync(fgw, "6");
        using var huge = new StringContent(JsonSerializer.Serialize(new { narrative = new string('长', 70_000), status = "已完成" }), Encoding.UTF8, "application/json");
        using HttpResponseMessage tooLarge = await fgw.PostAsync("/api/me/obligations/6/submission", huge);
        await tooLarge.ShouldBeProblemAsync(413);
        (await HistoryCountAsync(fgw, "6")).Should().Be(beforeHuge);
    }

    private static async Task<int> HistoryCountAsync(HttpClient unit, string task)
    {
        using HttpResponseMessage response = await unit.GetAsync($"/api/me/obligations/{task}/history");
        return response.StatusCode == HttpStatusCode.OK ? (await response.JsonAsync()).GetArrayLength() : -1;
    }
}
