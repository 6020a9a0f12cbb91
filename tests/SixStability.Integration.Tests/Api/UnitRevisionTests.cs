using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>Drafts, revisions with their history, stale forms and retried submissions.</summary>
public sealed class UnitRevisionTests : DemoCycleApiTest
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient Unit(string unit) => Server.UnitClient(unit);

    private async Task<bool> SubmittedAsync(string unit, int task)
    {
        JsonElement cycle = await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync();
        return cycle.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit)
            .GetProperty("submitted").EnumerateArray().Any(t => t.GetInt32() == task);
    }

    [Fact]
    public async Task A_draft_is_kept_then_submitted_and_every_revision_is_in_the_history()
    {
        using HttpClient rsj = Unit("rsj");

        using HttpResponseMessage draft = await rsj.PutAsync("/api/me/obligations/3/draft", Json("""{ "narrative": "草稿：培训已开展" }"""));
        bool submittedAfterDraft = await SubmittedAsync("rsj", 3);
        using HttpResponseMessage submit = await rsj.PostAsync("/api/me/obligations/3/submission", Json("""{ "narrative": "培训1.2万人次", "status": "按进度推进" }"""));
        using HttpResponseMessage revise = await rsj.PostAsync("/api/me/obligations/3/submission", Json("""{ "narrative": "培训1.3万人次（修订）", "status": "按进度推进" }"""));
        JsonElement history = await (await rsj.GetAsync("/api/me/obligations/3/history")).JsonAsync();

        draft.StatusCode.Should().Be(HttpStatusCode.OK);
        (await draft.JsonAsync()).GetProperty("state").GetString().Should().Be("draft");
        submittedAfterDraft.Should().BeFalse("a draft is still owed");
        submit.StatusCode.Should().Be(HttpStatusCode.OK);
        revise.StatusCode.Should().Be(HttpStatusCode.OK);
        history.EnumerateArray().Select(h => h.GetProperty("what").GetString()).Should().Equal("draft", "submitted", "submitted");
        history[2].GetProperty("content").GetProperty("narrative").GetString().Should().Be("培训1.3万人次（修订）");
        await (await rsj.PutAsync("/api/me/obligations/3/draft", Json("""{ "narrative": "再存草稿" }"""))).ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task A_stale_form_is_409_and_a_retried_submission_is_stored_once()
    {
        using HttpClient czj = Unit("czj");
        JsonElement mine = await (await czj.GetAsync("/api/me/obligations")).JsonAsync();
        string etag = mine.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == 9).GetProperty("etag").GetString()!;

        async Task<HttpResponseMessage> Submit(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/obligations/9/submission") { Content = Json("""{ "narrative": "减税降费落实到位", "status": "已完成" }""") };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            request.Headers.Add("Idempotency-Key", key);
            return await czj.SendAsync(request);
        }

        using HttpResponseMessage first = await Submit("k-1");
        using HttpResponseMessage retried = await Submit("k-1");
        using HttpResponseMessage stale = await Submit("k-2");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retried.JsonAsync()).GetProperty("replayed").GetBoolean().Should().BeTrue();
        await stale.ShouldBeProblemAsync(409);
        (await (await czj.GetAsync("/api/me/obligations/9/history")).JsonAsync()).GetArrayLength().Should().Be(1, "the retry and the stale write stored nothing");
    }

    [Fact]
    public async Task An_Idempotency_Key_reused_with_another_body_is_422_and_stores_nothing()
    {
        using HttpClient czj = Server.UnitClient("czj");
        async Task<HttpResponseMessage> Submit(string narrative)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/obligations/9/submission") { Content = Json($$"""{ "narrative": "{{narrative}}", "status": "已完成" }""") };
            request.Headers.Add("Idempotency-Key", "k-same");
            return await czj.SendAsync(request);
        }

        using HttpResponseMessage first = await Submit("减税降费落实到位");
        using HttpResponseMessage other = await Submit("另一份内容");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await other.ShouldBeProblemAsync(422)).GetProperty("detail").GetString().Should().Contain("Idempotency-Key");
        JsonElement history = await (await czj.GetAsync("/api/me/obligations/9/history")).JsonAsync();
        history.GetArrayLength().Should().Be(1);
        history[0].GetProperty("content").GetProperty("narrative").GetString().Should().Be("减税降费落实到位");
    }
}
