using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Core.Units;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/cycles/{id}</c> with the board's filters, on a real DevHost over Azurite: the server groups, filters and
/// counts from the tallies, so a column's count covers every unit the filter matched, not only the page.
/// 市人社局 reports task 3 (it leads it), 乐平市 task 8 (a co-unit there), 市发改委 saves a draft of task 1 (a co-unit).
/// </summary>
public sealed class BoardFilterApiTests : DemoCycleApiTest
{
    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        await Board(string.Empty);
        await SubmitAsync("rsj", 3);
        await SubmitAsync("lps", 8);
        using HttpClient fgw = Server.UnitClient("fgw");
        using var draft = new StringContent("""{ "narrative": "草稿：稳岗返还已拨付" }""", Encoding.UTF8, "application/json");
        (await fgw.PutAsync("/api/me/obligations/1/draft", draft)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Units_come_grouped_by_kind_with_short_titled_columns_counted_over_every_matched_unit_not_only_the_page()
    {
        // Act: five units a page; 市人社局 (a department) is not on the first.
        JsonElement page1 = await Board("?size=5");

        // Assert
        string[] kinds = [.. page1.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("kind").GetString()!)];
        kinds.Should().Equal("countyGovernment", "countyGovernment", "countyGovernment", "countyGovernment", "parkCommittee");
        Units(page1).Should().NotContain("rsj");
        JsonElement column3 = Column(page1, 3);
        column3.GetProperty("submitted").GetInt32().Should().Be(1, "市人社局's report counts though its row is on another page");
        column3.GetProperty("total").GetInt32().Should().Be(3, "task 3 has three responsible units");
        column3.GetProperty("title").GetString().Should().Be("开展职业技能培训");
        column3.GetProperty("shortTitle").GetString().Should().Be("开展职业技能培训");
        Column(page1, 2).GetProperty("shortTitle").GetString().Should().Be("重点行业重点群…");
        page1.GetProperty("columns").GetArrayLength().Should().Be(22);
        page1.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("name").GetString(), g.GetProperty("units").GetInt32()))
            .Should().Equal(("县市区政府", 4), ("园区管委会", 4), ("市直部门", 35));
        page1.GetProperty("paging").GetProperty("matched").GetInt32().Should().Be(43);
    }

    [Fact]
    public async Task Group_state_level_and_role_filters_narrow_the_units_and_combine()
    {
        // Act
        JsonElement counties = await Board("?group=countyGovernment");
        JsonElement submitted = await Board("?state=submitted");
        JsonElement drafts = await Board("?state=draft");
        JsonElement leadsReported = await Board("?state=submitted&role=lead");
        JsonElement leads = await Board("?role=lead");
        JsonElement escalated = await Board("?level=1");
        JsonElement countiesOwingNamed = await Board("?group=countyGovernment&state=outstanding&late=true&name=%E4%B9%90%E5%B9%B3&sort=owed");

        // Assert
        string[] countyIds = [.. Samples.Directory.Units.Where(u => u.Kind == UnitKind.CountyGovernment).Select(u => u.Id)];
        Units(counties).Should().BeEquivalentTo(countyIds);
        counties.GetProperty("paging").GetProperty("matched").GetInt32().Should().Be(4);
        counties.GetProperty("paging").GetProperty("total").GetInt32().Should().Be(43);
        Units(submitted).Should().BeEquivalentTo("rsj", "lps");
        Units(drafts).Should().Equal("fgw");
        Units(leadsReported).Should().Equal(["rsj"], "乐平市's report is of a task it co-operates on");
        Column(leads, 3).GetProperty("total").GetInt32().Should().Be(1, "only the lead unit's obligation counts under role=lead");
        Column(leads, 3).GetProperty("submitted").GetInt32().Should().Be(1);
        Column(leads, 8).GetProperty("submitted").GetInt32().Should().Be(0, "乐平市 is not task 8's lead unit");
        leads.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "rsj").GetProperty("leads").EnumerateArray().Select(t => t.GetInt32()).Should().Contain(3);
        Units(escalated).Should().BeEmpty("nothing is escalated an hour before the first step");
        Units(countiesOwingNamed).Should().Equal("lps");
    }

    [Theory]
    [InlineData("state=late", "state")]
    [InlineData("level=x", "level")]
    [InlineData("level=10", "level")]
    [InlineData("group=county", "group")]
    [InlineData("role=main", "role")]
    [InlineData("sort=id", "sort")]
    [InlineData("group=countyGovernment&state=Submitted", "state")]
    public async Task A_bad_filter_is_a_problem_naming_the_parameter(string query, string field)
    {
        using HttpResponseMessage response = await Admin.GetAsync($"/api/cycles/{CycleId}?{query}");

        JsonElement problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    private async Task<JsonElement> Board(string query)
    {
        for (int i = 0; i < 300; i++)
        {
            using HttpResponseMessage get = await Admin.GetAsync($"/api/cycles/{CycleId}{query}");
            if (get.StatusCode == HttpStatusCode.OK && await get.JsonAsync() is { } body && body.TryGetProperty("counts", out _))
            {
                return body;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The cycle never opened.");
    }

    private async Task SubmitAsync(string unit, int task)
    {
        using HttpClient client = Server.UnitClient(unit);
        using var json = new StringContent("""{ "narrative": "按计划推进，完成季度目标", "status": "按进度推进" }""", Encoding.UTF8, "application/json");
        (await client.PostAsync($"/api/me/obligations/{task}/submission", json)).EnsureSuccessStatusCode();
    }

    private static string[] Units(JsonElement board) => [.. board.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()!)];

    private static JsonElement Column(JsonElement board, int task) => board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == task);
}
