using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>退回 and 延期申请 through real HTTP: the coordinator reviews, the unit is told.</summary>
public sealed class ReviewApiTests : DemoCycleApiTest
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private HttpClient Unit(string unit) => Server.UnitClient(unit);

    private async Task<JsonElement> UnitStateAsync(string unit) =>
        (await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync()).GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit);

    [Fact]
    public async Task A_returned_submission_is_owed_again_and_the_unit_is_told_why()
    {
        using HttpClient rsj = Unit("rsj");
        (await Post(rsj, "/api/me/obligations/2/submission", """{ "narrative": "已开展招聘活动。", "status": "按进度推进" }""")).EnsureSuccessStatusCode();

        await (await Post(Admin, $"/api/cycles/{CycleId}/returns", """{ "unitId": "rsj", "task": 2 }""")).ShouldBeProblemAsync(400);
        await (await Post(Admin, $"/api/cycles/{CycleId}/returns", """{ "unitId": "rsj", "task": 3, "reason": "未报送" }""")).ShouldBeProblemAsync(409);
        using HttpResponseMessage returned = await Post(Admin, $"/api/cycles/{CycleId}/returns", """{ "unitId": "rsj", "task": 2, "reason": "请补充招聘场次和达成就业意向人数" }""");

        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement read = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/2")).JsonAsync();
        read.GetProperty("obligation").GetProperty("state").GetString().Should().Be("outstanding");
        read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()).Should().Equal("submitted", "returned");
        read.GetProperty("history")[0].GetProperty("content").GetProperty("narrative").GetString().Should().Be("已开展招聘活动。");
        await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/13")).ShouldBeProblemAsync(404);
        (await UnitStateAsync("rsj")).GetProperty("owed").EnumerateArray().Select(t => t.GetInt32()).Should().Contain(2);
        string notice = Directory.GetFiles(MailFolder, "*-returned-rsj-2-*.eml").Should().ContainSingle().Subject;
        (await MimeKit.MimeMessage.LoadAsync(notice)).TextBody.Should().Contain("请补充招聘场次和达成就业意向人数");
    }

    [Fact]
    public async Task An_extension_request_is_checked_then_approved_or_refused_and_the_unit_is_told()
    {
        using HttpClient flx = Unit("flx");
        using HttpClient lps = Unit("lps");

        await (await Post(flx, "/api/me/extension-request", """{ "due": "2020-10-01", "reason": "汛期" }""")).ShouldBeProblemAsync(400);
        await (await Post(flx, "/api/me/extension-request", """{ "due": "2020-10-09" }""")).ShouldBeProblemAsync(400);
        (await Post(flx, "/api/me/extension-request", """{ "due": "2020-10-09", "reason": "汛期抢险，人员集中在一线" }""")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Post(lps, "/api/me/extension-request", """{ "due": "2020-10-12", "reason": "材料正在汇总" }""")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement cycle = await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync();
        cycle.GetProperty("extensionRequests").GetArrayLength().Should().Be(2);

        await (await Post(Admin, $"/api/cycles/{CycleId}/extension-requests/flx", "{}")).ShouldBeProblemAsync(400);
        await (await Post(Admin, $"/api/cycles/{CycleId}/extension-requests/czj", """{ "approve": true }""")).ShouldBeProblemAsync(404);
        (await Post(Admin, $"/api/cycles/{CycleId}/extension-requests/flx", """{ "approve": true, "note": "同意" }""")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Post(Admin, $"/api/cycles/{CycleId}/extension-requests/lps", """{ "approve": false, "note": "理由不充分" }""")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await (await Post(Admin, $"/api/cycles/{CycleId}/extension-requests/lps", """{ "approve": true }""")).ShouldBeProblemAsync(404);

        for (int i = 0; i < 100 && (await UnitStateAsync("flx")).GetProperty("due").GetString() != "2020-10-09"; i++)
        {
            await Task.Delay(100);
        }

        (await UnitStateAsync("flx")).GetProperty("due").GetString().Should().Be("2020-10-09");
        (await UnitStateAsync("lps")).GetProperty("due").GetString().Should().Be("2020-10-04", "refused: 乐平市 keeps its co-unit's due day, one day before the lead units' 10-05");
        string refused = Directory.GetFiles(MailFolder, "*-extension-refused-lps-*.eml").Should().ContainSingle().Subject;
        (await MimeKit.MimeMessage.LoadAsync(refused)).Subject.Should().EndWith("未获同意");
        for (int i = 0; i < 100 && Directory.GetFiles(MailFolder, "*-extension-flx-*.eml").Length == 0; i++)
        {
            await Task.Delay(100);
        }

        (await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(MailFolder, "*-extension-flx-*.eml").Single())).Subject.Should().EndWith("已同意，截止时间延至10月9日");
    }
}
