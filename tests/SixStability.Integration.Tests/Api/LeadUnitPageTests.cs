using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>The lead unit's page through real HTTP: its co-units' reports beside its form, and 是否按期完成 posted with the form.</summary>
public sealed class LeadUnitPageTests : DemoCycleApiTest
{
    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.Client().BaseAddress };

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task The_lead_sees_a_co_units_report_and_its_answers_on_the_deadlines_reach_the_report()
    {
        using (HttpClient fgw = Server.UnitClient("fgw"))
        using (var json = new StringContent("""{ "narrative": "市发改委配合推进农民工工资保证金缓缴，涉及项目42个。", "status": "按进度推进" }""", Encoding.UTF8, "application/json"))
        {
            (await fgw.PostAsync("/api/me/obligations/1/submission", json)).EnsureSuccessStatusCode();
        }

        using HttpClient browser = Browser();
        string token = Uri.EscapeDataString(Server.UnitToken("rsj"));
        string page = await browser.GetStringAsync($"/u?t={token}");

        using HttpResponseMessage missing = await browser.PostAsync($"/u?t={token}", Form(("task", "1"), ("action", "submit"), ("narrative", "市人社局牵头汇总：缓缴政策惠及项目42个。"), ("status", "按进度推进"), ("dldate.0", "2020-06-30")));
        string refused = await missing.Content.ReadAsStringAsync();
        using HttpResponseMessage answered = await browser.PostAsync($"/u?t={token}", Form(("task", "1"), ("action", "submit"), ("narrative", "市人社局牵头汇总：缓缴政策惠及项目42个。"), ("status", "按进度推进"), ("dldate.0", "2020-06-30"), ("dl.0", "未按期完成"), ("dlreason.0", "部分项目手续未完备，9月补齐")));
        JsonElement summary = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json")).JsonAsync();

        page.Should().Contain("配合单位报送情况").And.Contain("市发改委配合推进农民工工资保证金缓缴，涉及项目42个。").And.Contain("节点任务是否按期完成");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Should().Contain("请说明“2020年6月30日”节点是否按期完成").And.Contain("市人社局牵头汇总：缓缴政策惠及项目42个。", "what was typed stays in the form");
        answered.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        JsonElement deadline = summary.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("task").GetInt32() == 1);
        deadline.GetProperty("state").GetString().Should().Be("notMet");
        deadline.GetProperty("note").GetString().Should().Be("部分项目手续未完备，9月补齐");
    }

    [Fact]
    public async Task The_unit_api_lists_the_deadlines_a_lead_is_asked_about_and_none_for_a_co_unit()
    {
        using HttpClient rsj = Server.UnitClient("rsj");

        JsonElement mine = await (await rsj.GetAsync("/api/me/obligations")).JsonAsync();

        JsonElement[] obligations = [.. mine.GetProperty("obligations").EnumerateArray()];
        obligations.Single(o => o.GetProperty("task").GetInt32() == 1).GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("date").GetString()).Should().Equal("2020-06-30");
        obligations.Single(o => o.GetProperty("task").GetInt32() == 4).GetProperty("deadlines").GetArrayLength().Should().Be(0, "市人社局 is not the lead of task 4");
        obligations.Single(o => o.GetProperty("task").GetInt32() == 4).GetProperty("due").GetString().Should().NotBe(obligations.Single(o => o.GetProperty("task").GetInt32() == 1).GetProperty("due").GetString(), "a co-unit is due before the lead");
    }
}
