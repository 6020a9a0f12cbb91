using System.Net;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

public sealed class DirectoryApiTests : DevHostApiTest
{
    [Fact]
    public async Task The_sample_directory_is_stored_and_read_back()
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json");
        using HttpResponseMessage get = await Admin.GetAsync("/api/directory");

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        (await put.JsonAsync()).GetProperty("units").GetInt32().Should().Be(43);
        JsonElement directory = await get.JsonAsync();
        directory.GetProperty("units").GetArrayLength().Should().Be(43);
        directory.GetProperty("groups")[0].GetProperty("name").GetString().Should().Be("各县（市、区）政府");
        directory.GetProperty("units")[0].GetProperty("kind").GetString().Should().Be("department");
    }

    [Fact]
    public async Task A_directory_naming_a_group_robot_configuration_lacks_is_400_naming_it_and_keeps_the_previous_one()
    {
        (await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
        string withRobot = Samples.Read("directory.json").Replace(
            "\"email\": \"rsj@example.gov.cn\",",
            "\"email\": \"rsj@example.gov.cn\", \"channels\": [{ \"kind\": \"wecom\", \"robot\": \"rsj_group\" }],",
            StringComparison.Ordinal);

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/directory", withRobot, "application/json");

        JsonElement problem = await put.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("units[0].channels[0].robot")[0].GetString()
            .Should().Contain("企业微信机器人“rsj_group”未配置").And.Contain("Channels:WeCom:Robots:rsj_group");
        (await Admin.GetStringAsync("/api/directory")).Should().NotContain("rsj_group");
    }

    [Fact]
    public async Task The_directory_round_trips_through_xlsx_download_and_upload_to_the_same_JSON()
    {
        using HttpResponseMessage first = await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json");
        string before = await Admin.GetStringAsync("/api/directory");
        using HttpResponseMessage download = await Admin.GetAsync("/api/directory?format=xlsx");
        byte[] workbook = await download.Content.ReadAsByteArrayAsync();
        using var upload = new HttpRequestMessage(HttpMethod.Put, "/api/directory") { Content = new ByteArrayContent(workbook) };
        upload.Content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.Headers.TryAddWithoutValidation("If-Match", first.Headers.ETag!.ToString());

        using HttpResponseMessage put = await Admin.SendAsync(upload);
        string after = await Admin.GetStringAsync("/api/directory");

        download.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("单位名录（第1版）.xlsx");
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await put.JsonAsync()).GetProperty("version").GetInt32().Should().Be(2);
        after.Should().Be(before);
    }

    [Fact]
    public async Task A_workbook_with_a_wrong_cell_is_400_naming_the_cell_and_keeps_the_previous_directory()
    {
        (await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
        byte[] workbook = await Admin.GetByteArrayAsync("/api/directory?format=xlsx");
        string json = (await Admin.GetStringAsync("/api/directory")).Replace("rsj@example.gov.cn", "rsj-at-example", StringComparison.Ordinal);
        byte[] broken = Core.Units.Workbook.DirectoryWorkbook.Write(System.Text.Json.JsonSerializer.Deserialize<Core.Units.UnitDirectory>(json, Core.Text.Json.Options)!);
        using var upload = new HttpRequestMessage(HttpMethod.Put, "/api/directory") { Content = new ByteArrayContent(broken) };
        upload.Content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var garbage = new HttpRequestMessage(HttpMethod.Put, "/api/directory") { Content = new ByteArrayContent(workbook[..100]) };
        garbage.Content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using HttpResponseMessage put = await Admin.SendAsync(upload);
        using HttpResponseMessage damaged = await Admin.SendAsync(garbage);

        (await put.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("单位!E2")[0].GetString().Should().Contain("rsj-at-example");
        (await damaged.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain(".xlsx");
        (await Admin.GetStringAsync("/api/directory")).Should().Contain("rsj@example.gov.cn");
        (await (await Admin.GetAsync("/api/directory?format=pdf")).ShouldBeProblemAsync(400)).GetProperty("detail").GetString().Should().Contain("xlsx");
    }

    [Fact]
    public async Task No_directory_yet_is_404()
    {
        await (await Admin.GetAsync("/api/directory")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task An_invalid_directory_names_the_fields_and_keeps_the_previous_one()
    {
        (await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
        string bad = Samples.Read("directory.json")
            .Replace("\"email\": \"rsj@example.gov.cn\"", "\"email\": \"rsj at example\"", StringComparison.Ordinal)
            .Replace("\"leader\": \"vm-agri\"", "\"leader\": \"nobody\"", StringComparison.Ordinal);

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/directory", bad, "application/json");

        JsonElement errors = (await put.ShouldBeProblemAsync(400)).GetProperty("errors");
        errors.TryGetProperty("units[0].email", out _).Should().BeTrue();
        errors.EnumerateObject().Should().Contain(p => p.Name.EndsWith(".leader", StringComparison.Ordinal));
        (await Admin.GetStringAsync("/api/directory")).Should().Contain("rsj@example.gov.cn");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{ "units": "市人社局" }""")]
    public async Task Malformed_json_is_400(string body)
    {
        using HttpResponseMessage put = await Admin.PutTextAsync("/api/directory", body, "application/json");

        await put.ShouldBeProblemAsync(400);
        (await Admin.GetAsync("/api/directory")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_directory_that_drops_a_unit_a_stored_plan_needs_is_refused()
    {
        (await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
        (await Admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"))).EnsureSuccessStatusCode();
        string without = Samples.Read("directory.json").Replace("\"name\": \"景德镇海关\"", "\"name\": \"九江海关\"", StringComparison.Ordinal);

        using HttpResponseMessage put = await Admin.PutTextAsync("/api/directory", without, "application/json");

        JsonElement problem = await put.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("units")[0].GetString().Should().Be("方案“jingdezhen”的责任单位在新名录中找不到：景德镇海关。");
        (await Admin.GetStringAsync("/api/directory")).Should().Contain("景德镇海关");
    }
}
