using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>通过 through real HTTP and storage: the coordinator accepts what was read, the board and audit show 已审核.</summary>
public sealed class AcceptApiTests : DemoCycleApiTest
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static HttpRequestMessage Accept(string path, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path + "/accept");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task The_coordinator_accepts_the_revision_read_a_resubmission_in_between_is_a_conflict_and_the_board_counts_it()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        string path = $"/api/cycles/{CycleId}/units/rsj/obligations/2";
        (await Post(rsj, "/api/me/obligations/2/submission", """{ "narrative": "已开展招聘活动12场。", "status": "按进度推进" }""")).EnsureSuccessStatusCode();
        using HttpResponseMessage firstRead = await Admin.GetAsync(path);
        string read = firstRead.Headers.ETag!.Tag;
        (await Post(rsj, "/api/me/obligations/2/submission", """{ "narrative": "已开展招聘活动15场。", "status": "按进度推进" }""")).EnsureSuccessStatusCode();

        using HttpResponseMessage stale = await Admin.SendAsync(Accept(path, read));
        using HttpResponseMessage secondRead = await Admin.GetAsync(path);
        JsonElement review = await secondRead.JsonAsync();
        using HttpResponseMessage accepted = await Admin.SendAsync(Accept(path, secondRead.Headers.ETag!.Tag));
        using HttpResponseMessage notSubmitted = await Admin.SendAsync(Accept($"/api/cycles/{CycleId}/units/rsj/obligations/3", null));

        await stale.ShouldBeProblemAsync(409);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.JsonAsync()).GetProperty("revisionTag").GetString().Should().Be(accepted.Headers.ETag!.Tag);
        await notSubmitted.ShouldBeProblemAsync(409);
        review.GetProperty("revisions").GetArrayLength().Should().Be(2);
        string changes = review.GetProperty("revisions")[1].GetProperty("narrativeChanges").GetRawText();
        changes.Should().Contain("""{"kind":"removed","text":"12"}""").And.Contain("""{"kind":"added","text":"15"}""");
        review.GetProperty("walk").GetProperty("byTask").GetProperty("count").GetInt32().Should().Be(1);

        JsonElement board = await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync();
        JsonElement cell = board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "rsj")
            .GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task").GetInt32() == 2);
        cell.GetProperty("accepted").GetBoolean().Should().BeTrue();
        board.GetProperty("counts").GetProperty("accepted").GetInt32().Should().Be(1);
        JsonElement after = await (await Admin.GetAsync(path)).JsonAsync();
        after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()).Should().Equal("submitted", "submitted", "accepted");
        string audit = await Admin.GetStringAsync($"/api/audit?cycle={CycleId}&action=AcceptSubmission");
        audit.Should().Contain("市人社局（rsj）任务2").And.Contain("已审核");
    }

    [Fact]
    public async Task A_resubmission_after_acceptance_clears_it_on_the_board_and_only_the_coordinator_may_accept()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using HttpClient leader = await Server.SignedInClientAsync(DevHostServer.Leader);
        string path = $"/api/cycles/{CycleId}/units/rsj/obligations/2";
        (await Post(rsj, "/api/me/obligations/2/submission", """{ "narrative": "第一稿。", "status": "按进度推进" }""")).EnsureSuccessStatusCode();

        using HttpResponseMessage byLeader = await leader.SendAsync(Accept(path, null));
        (await Admin.SendAsync(Accept(path, null))).EnsureSuccessStatusCode();
        int acceptedBefore = (await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync()).GetProperty("counts").GetProperty("accepted").GetInt32();
        (await Post(rsj, "/api/me/obligations/2/submission", """{ "narrative": "第二稿。", "status": "按进度推进" }""")).EnsureSuccessStatusCode();

        await byLeader.ShouldBeProblemAsync(403);
        acceptedBefore.Should().Be(1);
        (await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync()).GetProperty("counts").TryGetProperty("accepted", out _).Should().BeFalse("none accepted: left out, as in the counts recorded before acceptance existed");
        (await (await Admin.GetAsync(path)).JsonAsync()).GetProperty("obligation").GetProperty("isAccepted").GetBoolean().Should().BeFalse();
    }
}
