using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Core.Plans;
using SixStability.Core.Text;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>The coordinator loads the plan and the directory through real HTTP into Azurite.</summary>
public sealed class PlansApiTests : DevHostApiTest
{
    private async Task LoadSampleDirectoryAsync()
    {
        using HttpResponseMessage response = await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_seed_plan_text_is_imported_stored_and_read_back_as_its_catalog()
    {
        await LoadSampleDirectoryAsync();

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"));
        using HttpResponseMessage get = await Admin.GetAsync("/api/plans/jingdezhen");

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        JsonElement stored = await put.JsonAsync();
        stored.GetProperty("tasks").GetInt32().Should().Be(22);
        stored.GetProperty("warnings").GetArrayLength().Should().Be(0);
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        get.Headers.ETag.Should().NotBeNull();
        string json = await get.Content.ReadAsStringAsync();
        json.Should().Contain("\"title\":\"保居民就业\"", "Chinese is written as text, not \\u escapes");
        PlanCatalog catalog = JsonSerializer.Deserialize<PlanCatalog>(json, Json.Options)!;
        PlanCatalog expected = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;
        catalog.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_catalog_json_can_be_put_back_and_replaces_the_plan()
    {
        await LoadSampleDirectoryAsync();
        (await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"))).Dispose();
        using HttpResponseMessage read = await Admin.GetAsync("/api/plans/jingdezhen");
        string catalog = await read.Content.ReadAsStringAsync();
        string edited = catalog.Replace("稳定就业岗位", "稳定就业岗位（修订）", StringComparison.Ordinal);

        using HttpResponseMessage blind = await Admin.PutTextAsync("/api/plans/jingdezhen", edited, "application/json");
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", edited, "application/json", read.Headers.ETag!.ToString());
        PlanCatalog stored = JsonSerializer.Deserialize<PlanCatalog>(await Admin.GetStringAsync("/api/plans/jingdezhen"), Json.Options)!;

        (await blind.ShouldBeProblemAsync(428)).GetProperty("detail").GetString().Should().Contain("If-Match");
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        (await put.JsonAsync()).GetProperty("version").GetInt32().Should().Be(2);
        stored.FindTask(1)!.Title.Should().Be("稳定就业岗位（修订）");
    }

    [Fact]
    public async Task A_plan_before_any_directory_is_refused_and_nothing_is_stored()
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"));

        JsonElement problem = await put.ShouldBeProblemAsync(409);
        problem.GetProperty("detail").GetString().Should().Contain("尚未导入单位名录");
        (await Admin.GetAsync("/api/plans/jingdezhen")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_plan_naming_units_the_directory_lacks_lists_them_and_stores_nothing()
    {
        string directory = Samples.Read("directory.json")
            .Replace("\"name\": \"景德镇海关\"", "\"name\": \"九江海关\"", StringComparison.Ordinal)
            .Replace("\"name\": \"市国调队\"", "\"name\": \"市统计局\"", StringComparison.Ordinal);
        (await Admin.PutTextAsync("/api/directory", directory, "application/json")).EnsureSuccessStatusCode();

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"));

        JsonElement problem = await put.ShouldBeProblemAsync(400);
        problem.GetProperty("detail").GetString().Should().Contain("市国调队、景德镇海关");
        problem.GetProperty("errors").GetProperty("units").EnumerateArray().Single().GetString().Should().Be("市国调队、景德镇海关");
        (await Admin.GetAsync("/api/plans/jingdezhen")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", "方案文本为空。")]
    [InlineData("这不是一份方案。", "未识别到任何任务")]
    public async Task An_empty_or_malformed_plan_gets_a_clear_400_and_stores_nothing(string body, string message)
    {
        await LoadSampleDirectoryAsync();

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/p1", body);

        JsonElement problem = await put.ShouldBeProblemAsync(400);
        problem.GetProperty("detail").GetString().Should().Contain(message);
        (await Admin.GetAsync("/api/plans/p1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_GBK_encoded_file_is_refused_with_a_hint_to_save_as_UTF8()
    {
        await LoadSampleDirectoryAsync();
        byte[] gbk = [0xB1, 0xA3, 0xBE, 0xD3, 0xC3, 0xF1, 0xBE, 0xCD, 0xD2, 0xB5]; // 保居民就业 in GBK

        using HttpResponseMessage put = await Admin.PutBytesAsync("/api/plans/p1", gbk, "text/plain");

        (await put.ShouldBeProblemAsync(400)).GetProperty("detail").GetString().Should().Contain("UTF-8");
    }

    [Fact]
    public async Task Catalog_json_with_a_wrong_field_names_the_field()
    {
        await LoadSampleDirectoryAsync();
        const string json = """{ "planId": "p1", "title": "某方案", "sections": [ { "number": 2, "title": "保就业", "tasks": [ { "number": 1, "title": "稳岗", "text": "", "units": [], "indicators": [], "deadlines": [] } ] } ] }""";

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/p1", json, "application/json");

        JsonElement problem = await put.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty("sections[0].tasks[0].units", out _).Should().BeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("Bad%20Id")]
    [InlineData("UPPER")]
    [InlineData("a.b")]
    public async Task A_bad_plan_id_is_400(string planId)
    {
        using HttpResponseMessage put = await Admin.PutTextAsync($"/api/plans/{planId}", "二、保就业\n(一)稳岗。内容。(责任单位:市人社局)");

        (await put.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("planId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_plan_is_404_problem()
    {
        using HttpResponseMessage get = await Admin.GetAsync("/api/plans/nope");

        await get.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_is_409_and_keeps_the_newer_plan()
    {
        await LoadSampleDirectoryAsync();
        using HttpResponseMessage first = await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"));
        string staleETag = first.Headers.ETag!.ToString();
        using HttpResponseMessage second = await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"), ifMatch: staleETag);
        second.StatusCode.Should().Be(HttpStatusCode.OK);

        string edited = Samples.Read("jingdezhen.txt").Replace("(一)稳定就业岗位。", "(一)稳定就业岗位（旧稿）。", StringComparison.Ordinal);
        using HttpResponseMessage stale = await Admin.PutTextAsync("/api/plans/jingdezhen", edited, ifMatch: staleETag);

        await stale.ShouldBeProblemAsync(409);
        (await Admin.GetStringAsync("/api/plans/jingdezhen")).Should().NotContain("旧稿");
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/plans/p1", new string('字', 1_000_000));

        await put.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Plan_text_with_CRLF_and_a_BOM_imports_like_the_original()
    {
        await LoadSampleDirectoryAsync();
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Samples.Read("jingdezhen.txt").Replace("\n", "\r\n", StringComparison.Ordinal))];

        using HttpResponseMessage put = await Admin.PutBytesAsync("/api/plans/jingdezhen", body, "text/plain; charset=utf-8");

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        (await put.JsonAsync()).GetProperty("tasks").GetInt32().Should().Be(22);
    }
}
