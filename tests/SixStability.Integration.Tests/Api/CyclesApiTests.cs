using System.Net;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>The coordinator's cycle routes on a real DevHost (DTFx over Azurite).</summary>
public sealed class CyclesApiTests : DevHostApiTest
{
    protected override Task ArrangeAsync() => Server.LoadSamplesAsync();

    private Task<HttpResponseMessage> PostAsync(string path, string json) => Admin.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private async Task<JsonElement> WaitForCycleAsync(string cycleId, Func<JsonElement, bool> until)
    {
        for (int i = 0; i < 300; i++)
        {
            using HttpResponseMessage get = await Admin.GetAsync($"/api/cycles/{cycleId}");
            if (get.StatusCode == HttpStatusCode.OK)
            {
                JsonElement body = await get.JsonAsync();
                if (body.TryGetProperty("counts", out _) && until(body))
                {
                    return body;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Cycle {cycleId} never reached the expected state.");
    }

    [Fact]
    public async Task Starting_a_cycle_twice_returns_the_same_cycle_and_its_progress_shows_every_unit()
    {
        const string body = """{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""";

        using HttpResponseMessage first = await PostAsync("/api/cycles", body);
        using HttpResponseMessage second = await PostAsync("/api/cycles", body);
        JsonElement cycle = await WaitForCycleAsync("jingdezhen-2020Q3", c => c.GetProperty("step").ValueKind == JsonValueKind.String);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await first.JsonAsync()).GetProperty("created").GetBoolean().Should().BeTrue();
        (await second.JsonAsync()).GetProperty("created").GetBoolean().Should().BeFalse();
        (await second.JsonAsync()).GetProperty("cycleId").GetString().Should().Be("jingdezhen-2020Q3");
        cycle.GetProperty("counts").GetProperty("obligations").GetInt32().Should().Be(195);
        cycle.GetProperty("units").GetArrayLength().Should().Be(43);
        cycle.GetProperty("schedule").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).Should().EndWith("close");
        cycle.GetProperty("mode").GetString().Should().Be("compressed");

        using HttpResponseMessage close = await PostAsync("/api/cycles/jingdezhen-2020Q3/close", "{}");
        close.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await WaitForCycleAsync("jingdezhen-2020Q3", c => c.GetProperty("status").GetString() == "closed");
        await (await PostAsync("/api/cycles/jingdezhen-2020Q3/close", "{}")).ShouldBeProblemAsync(409);
    }

    [Theory]
    [InlineData("""{ "planId": "jingdezhen", "quarter": "2020Q5" }""", "quarter")]
    [InlineData("""{ "planId": "nope", "quarter": "2020Q3" }""", "planId")]
    [InlineData("""{ "planId": "Bad Id", "quarter": "2020Q3" }""", "planId")]
    [InlineData("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "fast" } }""", "policy.kind")]
    [InlineData("""{ "planId": "jingdezhen", "quarter": "2026Q4", "policy": { "kind": "due" } }""", "policy.due")]
    [InlineData("""{ "planId": "jingdezhen", "quarter": "2026Q4" }""", "policy")]
    [InlineData("""{ "planId": "jingdezhen", "quarter": 2020 }""", "quarter")]
    [InlineData("""not json""", "body")]
    public async Task A_bad_start_request_names_the_field_and_starts_nothing(string body, string field)
    {
        using HttpResponseMessage post = await PostAsync("/api/cycles", body);

        JsonElement problem = await post.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
        await (await Admin.GetAsync("/api/cycles/jingdezhen-2020Q3")).ShouldBeProblemAsync(404);
        await (await Admin.GetAsync("/api/cycles/jingdezhen-2026Q4")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task An_extension_is_checked_then_moves_the_units_due_date()
    {
        using HttpResponseMessage start = await PostAsync("/api/cycles", """{ "planId": "jingdezhen", "quarter": "2021Q1", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""");
        await WaitForCycleAsync("jingdezhen-2021Q1", c => c.GetProperty("step").ValueKind == JsonValueKind.String);

        await (await PostAsync("/api/cycles/jingdezhen-2021Q1/extensions", """{ "unitId": "ghost", "due": "2021-04-20" }""")).ShouldBeProblemAsync(400);
        await (await PostAsync("/api/cycles/jingdezhen-2021Q1/extensions", """{ "unitId": "flx", "due": "2021-04-01" }""")).ShouldBeProblemAsync(400);
        await (await PostAsync("/api/cycles/jingdezhen-2099Q1/extensions", """{ "unitId": "flx", "due": "2099-04-20" }""")).ShouldBeProblemAsync(404);
        using HttpResponseMessage ok = await PostAsync("/api/cycles/jingdezhen-2021Q1/extensions", """{ "unitId": "flx", "due": "2021-04-20", "reason": "汛期抢险" }""");

        ok.StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement cycle = await WaitForCycleAsync("jingdezhen-2021Q1", c => c.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unitId").GetString() == "flx" && u.GetProperty("due").GetString() == "2021-04-20"));
        // 乐平市 keeps its own due day: a co-unit's (配合单位), one day before the lead units' 2021-04-05.
        cycle.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "lps").GetProperty("due").GetString().Should().Be("2021-04-04");
        await PostAsync("/api/cycles/jingdezhen-2021Q1/cancel", "{}");
    }
}
