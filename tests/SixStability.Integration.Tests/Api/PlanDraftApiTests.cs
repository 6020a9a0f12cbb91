using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>A plan arrives as a Word file, is reviewed as a draft and confirmed, all over real HTTP into Azurite.</summary>
public sealed class PlanDraftApiTests : DevHostApiTest
{
    private const string Odd = "市人社保局";

    protected override async Task ArrangeAsync()
    {
        using HttpResponseMessage response = await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static byte[] SeedDocx() =>
        WordFiles.Docx(Samples.Read("jingdezhen.txt").Replace("市人社局", Odd, StringComparison.Ordinal).Split('\n'));

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await Admin.SendAsync(request);
    }

    [Fact]
    public async Task A_Word_plan_is_drafted_its_unknown_name_accepted_confirmed_and_a_cycle_runs_on_it()
    {
        using HttpResponseMessage upload = await Admin.PutBytesAsync($"/api/plans/city-b/draft?fileName={Uri.EscapeDataString("实施方案.docx")}", SeedDocx(), WordFiles.MediaType);
        upload.StatusCode.Should().Be(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        JsonElement draft = await upload.JsonAsync();
        draft.GetProperty("tasks").GetInt32().Should().Be(22);
        draft.GetProperty("ready").GetBoolean().Should().BeFalse();
        draft.GetProperty("fileName").GetString().Should().Be("实施方案.docx");
        (await Admin.GetAsync("/api/plans/city-b")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft is not the plan");

        using HttpResponseMessage accept = await PostJsonAsync("/api/plans/city-b/draft/corrections", $$"""{ "action": "acceptSuggestion", "name": "{{Odd}}", "unitId": "rsj" }""", upload.Headers.ETag!.ToString());
        accept.StatusCode.Should().Be(HttpStatusCode.OK, await accept.Content.ReadAsStringAsync());
        (await accept.JsonAsync()).GetProperty("ready").GetBoolean().Should().BeTrue();

        using HttpResponseMessage confirm = await PostJsonAsync("/api/plans/city-b/draft/confirm", "{}", accept.Headers.ETag!.ToString());
        confirm.StatusCode.Should().Be(HttpStatusCode.Created, await confirm.Content.ReadAsStringAsync());
        (await confirm.JsonAsync()).GetProperty("tasks").GetInt32().Should().Be(22);

        using HttpResponseMessage start = await PostJsonAsync("/api/cycles", """{ "planId": "city-b", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""");
        start.StatusCode.Should().Be(HttpStatusCode.Accepted, await start.Content.ReadAsStringAsync());
        JsonElement directory = await (await Admin.GetAsync("/api/directory")).JsonAsync();
        directory.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "rsj")
            .GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Should().Contain(Odd);
    }

    [Fact]
    public async Task A_correction_without_its_action_or_on_a_stale_draft_is_refused_and_changes_nothing()
    {
        using HttpResponseMessage upload = await Admin.PutBytesAsync("/api/plans/city-b/draft", SeedDocx(), WordFiles.MediaType);
        string etag = upload.Headers.ETag!.ToString();

        using HttpResponseMessage noAction = await PostJsonAsync("/api/plans/city-b/draft/corrections", """{ "item": 1 }""", etag);
        using HttpResponseMessage first = await PostJsonAsync("/api/plans/city-b/draft/corrections", """{ "action": "markNotTask", "item": 1 }""", etag);
        using HttpResponseMessage stale = await PostJsonAsync("/api/plans/city-b/draft/corrections", """{ "action": "markNotTask", "item": 2 }""", etag);
        using HttpResponseMessage early = await PostJsonAsync("/api/plans/city-b/draft/confirm", "{}");

        (await noAction.ShouldBeProblemAsync(400)).GetProperty("detail").GetString().Should().Contain("action");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await stale.ShouldBeProblemAsync(409);
        (await early.ShouldBeProblemAsync(400)).GetProperty("detail").GetString().Should().Contain(Odd);
        JsonElement now = await (await Admin.GetAsync("/api/plans/city-b/draft")).JsonAsync();
        now.GetProperty("tasks").GetInt32().Should().Be(21, "only the first correction applied");
    }
}
