using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>A unit reaches its own obligations with the signed link from its mail, and nothing else.</summary>
public sealed class UnitApiTests : DemoCycleApiTest
{
    private string Token(string unit, string cycle = CycleId, int days = 30) => Server.UnitToken(unit, cycle, days);

    private HttpClient Unit(string? token)
    {
        HttpClient client = Server.Client();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<string> StateAsync(string unit, int task)
    {
        JsonElement cycle = await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync();
        JsonElement u = cycle.GetProperty("units").EnumerateArray().Single(x => x.GetProperty("unitId").GetString() == unit);
        return u.GetProperty("submitted").EnumerateArray().Any(t => t.GetInt32() == task) ? "submitted" : "owed";
    }

    [Fact]
    public async Task A_unit_lists_its_obligations_and_submits_one()
    {
        using HttpClient rsj = Unit(Token("rsj"));

        JsonElement mine = await (await rsj.GetAsync("/api/me/obligations")).JsonAsync();
        using HttpResponseMessage submit = await rsj.PostAsync("/api/me/obligations/6/submission", new StringContent("""
            { "narrative": "已完成老旧小区改造1.2万户。", "status": "按进度推进", "difficulties": "资金到位偏慢", "nextSteps": "加快四季度开工" }
            """, System.Text.Encoding.UTF8, "application/json"));

        mine.GetProperty("unit").GetProperty("name").GetString().Should().Be("市人社局");
        mine.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("task").GetInt32()).Should().Contain([1, 2, 3, 6]);
        mine.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == 1).GetProperty("lead").GetBoolean().Should().BeTrue();
        submit.StatusCode.Should().Be(HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        (await StateAsync("rsj", 6)).Should().Be("submitted");
    }

    [Theory]
    [InlineData("""{ "status": "按进度推进" }""", "narrative")]
    [InlineData("""{ "narrative": "进展", "status": "很好" }""", "status")]
    [InlineData("""{ "narrative": "进展", "status": "已完成", "indicators": [ { "name": "今年完成2万户老旧小区改造", "value": -1 } ] }""", "indicators[0].name")]
    [InlineData("""{ "narrative": "进展\u0000", "status": "已完成" }""", "narrative")]
    [InlineData("""{ "narrative": 5, "status": "已完成" }""", "narrative")]
    public async Task Bad_submissions_name_the_field_and_store_nothing(string body, string field)
    {
        using HttpClient rsj = Unit(Token("rsj"));

        using HttpResponseMessage post = await rsj.PostAsync("/api/me/obligations/1/submission", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await post.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        (await StateAsync("rsj", 1)).Should().Be("owed");
    }

    [Fact]
    public async Task The_lead_unit_reports_indicator_values_which_must_not_be_negative()
    {
        using HttpClient fgw = Unit(Token("fgw"));
        const string Name = "今年完成2万户老旧小区改造";

        using HttpResponseMessage negative = await fgw.PostAsync("/api/me/obligations/6/submission", new StringContent($$"""{ "narrative": "进展", "status": "已完成", "indicators": [ { "name": "{{Name}}", "value": -5 } ] }""", System.Text.Encoding.UTF8, "application/json"));
        using HttpResponseMessage ok = await fgw.PostAsync("/api/me/obligations/6/submission", new StringContent($$"""{ "narrative": "进展", "status": "已完成", "indicators": [ { "name": "{{Name}}", "value": 21000 } ] }""", System.Text.Encoding.UTF8, "application/json"));

        (await negative.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("indicators[0].value", out _).Should().BeTrue();
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Missing_tampered_expired_and_foreign_links_are_refused_and_change_nothing()
    {
        string good = Token("rsj");
        string tampered = Token("czj")[..Token("czj").IndexOf('.', StringComparison.Ordinal)] + good[good.IndexOf('.', StringComparison.Ordinal)..];
        const string body = """{ "narrative": "进展", "status": "已完成" }""";

        foreach (string? token in new[] { null, "garbage", tampered, Token("rsj", days: -1) })
        {
            using HttpClient client = Unit(token);
            await (await client.GetAsync("/api/me/obligations")).ShouldBeProblemAsync(401);
            await (await client.PostAsync("/api/me/obligations/1/submission", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(401);
        }

        using HttpClient otherCycle = Unit(Token("rsj", "jingdezhen-2019Q1"));
        await (await otherCycle.GetAsync("/api/me/obligations")).ShouldBeProblemAsync(404);
        using HttpClient rsj = Unit(good);
        await (await rsj.PostAsync("/api/me/obligations/13/submission", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(404);
        (await StateAsync("rsj", 1)).Should().Be("owed");
        (await StateAsync("czj", 1)).Should().Be("owed");
    }
}
