using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>A cycle keeps the plan and directory it opened with; re-importing never breaks it (issue: a 3-task re-import failed a running cycle).</summary>
public sealed class PlanVersionTests : DemoCycleApiTest
{
    private const string ThreeTasks = """
        做好“六稳”工作落实“六保”任务实施方案（修订）
        2020年9月1日
        二、保居民就业
        (一)稳定就业岗位。内容。(责任单位:市人社局)
        (二)扩大就业。内容。(责任单位:市财政局)
        (三)技能培训。内容。(责任单位:市教育局)
        """;

    [Fact]
    public async Task Re_importing_the_plan_while_a_cycle_runs_makes_a_new_version_and_the_cycle_keeps_its_own()
    {
        using HttpResponseMessage current = await Admin.GetAsync("/api/plans/jingdezhen");

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", ThreeTasks, ifMatch: current.Headers.ETag!.ToString());
        JsonElement cycle = await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync();
        JsonElement preview = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json")).JsonAsync();
        using HttpClient cyj = Server.Client();
        cyj.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.UnitToken("gxj", CycleId, 30));
        using HttpResponseMessage submit = await cyj.PostAsync("/api/me/obligations/16/submission", new StringContent("""{ "narrative": "产业链协同复产。", "status": "按进度推进" }""", Encoding.UTF8, "application/json"));

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        (await put.JsonAsync()).GetProperty("version").GetInt32().Should().Be(2);
        cycle.GetProperty("versions").GetProperty("planNumber").GetInt32().Should().Be(1, "the running cycle stays on the version it opened with");
        cycle.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("tasks").GetArrayLength()).Should().Be(195);
        preview.GetProperty("planTitle").GetString().Should().Be("做好“六稳”工作落实“六保”任务实施方案");
        submit.StatusCode.Should().Be(HttpStatusCode.OK, "task 16 is not in the new version, but it is in the cycle's");
        (await Admin.GetStringAsync("/api/plans/jingdezhen")).Should().Contain("（修订）");
    }

    [Fact]
    public async Task Replacing_a_plan_without_If_Match_is_428_and_changes_nothing()
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", ThreeTasks);

        await put.ShouldBeProblemAsync(428);
        (await Admin.GetStringAsync("/api/plans/jingdezhen")).Should().NotContain("（修订）");
    }

    [Theory]
    [InlineData("某方案\n2020年6月3日\n一、指导思想\n坚持稳中求进。\n二、主要任务\n（一）稳定就业岗位。落实政策。\n（二）扩大就业。加强服务。\n")]
    [InlineData("某方案\n2020年6月3日\n")]
    public async Task A_plan_with_no_task_that_names_a_unit_is_refused_and_never_stored(string text)
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/other", text);

        (await put.ShouldBeProblemAsync(400)).GetProperty("detail").GetString().Should().Contain("未识别到任何任务");
        (await Admin.GetAsync("/api/plans/other")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
