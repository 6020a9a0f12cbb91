using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SixStability.Infrastructure.Audit;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Access;

/// <summary>The audit trail on Table Storage: who did what, filtered on the API and on /coord, exported as .xlsx; append-only.</summary>
public sealed class AuditTrailApiTests : DevHostApiTest
{
    protected override Task ArrangeAsync() => Server.LoadSamplesAsync(); // the key: directory, then plan

    [Fact]
    public async Task Each_action_is_one_row_with_who_their_role_when_what_before_and_after_and_the_address_and_filters_find_them()
    {
        using HttpClient coordinator = await Server.SignedInClientAsync(DevHostServer.Coordinator);
        using HttpResponseMessage plan = await Admin.GetAsync("/api/plans/jingdezhen");
        (await coordinator.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"), ifMatch: plan.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        using var start = new StringContent("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""", Encoding.UTF8, "application/json");
        (await coordinator.PostAsync("/api/cycles", start)).EnsureSuccessStatusCode();

        JsonElement[] all = [.. (await (await coordinator.GetAsync("/api/audit")).JsonAsync()).EnumerateArray()];
        JsonElement[] imports = [.. (await (await coordinator.GetAsync("/api/audit?action=ImportPlan")).JsonAsync()).EnumerateArray()];
        JsonElement[] mine = [.. (await (await coordinator.GetAsync("/api/audit?person=coordinator")).JsonAsync()).EnumerateArray()];
        JsonElement[] cycle = [.. (await (await coordinator.GetAsync("/api/audit?cycle=jingdezhen-2020Q3")).JsonAsync()).EnumerateArray()];
        using HttpResponseMessage bad = await coordinator.GetAsync("/api/audit?action=DeleteEverything");

        all.Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("actorId").GetString()}").Should().Equal("startCycle coordinator", "importPlan coordinator", "importPlan admin-key", "replaceDirectory admin-key");
        JsonElement replaced = all[1];
        replaced.GetProperty("actorName").GetString().Should().Be("市发改委（六稳六保工作专班）");
        replaced.GetProperty("roles").GetString().Should().Be("协调员");
        replaced.GetProperty("actorKind").GetString().Should().Be("person");
        replaced.GetProperty("before").GetString().Should().Be("第 1 版");
        replaced.GetProperty("after").GetString().Should().Be("第 2 版");
        replaced.GetProperty("clientIp").GetString().Should().Be("127.0.0.1");
        all[3].GetProperty("actorKind").GetString().Should().Be("key");
        all.Select(e => e.GetProperty("at").GetDateTimeOffset()).Should().BeInDescendingOrder();
        imports.Should().HaveCount(2);
        mine.Should().HaveCount(2);
        cycle.Should().ContainSingle().Which.GetProperty("after").GetString().Should().Be("jingdezhen-2020Q3");
        await bad.ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task The_coordinators_page_shows_the_trail_filtered_and_the_export_is_the_same_rows_as_xlsx()
    {
        using HttpClient supervision = await Server.SignedInClientAsync(DevHostServer.Supervision);

        string page = await supervision.GetStringAsync("/coord?auditAction=ImportPlan");
        using HttpResponseMessage export = await supervision.GetAsync("/api/audit?format=xlsx&action=ImportPlan");
        byte[] file = await export.Content.ReadAsByteArrayAsync();

        page.Should().Contain("id=\"audit-table\"").And.Contain("data-action=\"ImportPlan\"").And.NotContain("data-action=\"ReplaceDirectory\"");
        page.Should().Contain("href=\"/api/audit?format=xlsx&amp;action=ImportPlan\"");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        export.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("审计记录.xlsx");
        using var stream = new MemoryStream(file);
        using var workbook = SpreadsheetDocument.Open(stream, isEditable: false);
        Row[] rows = [.. workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()];
        rows.Should().HaveCount(2, "the heading and the one import");
        rows[1].Elements<Cell>().ElementAt(5).InnerText.Should().Be("导入方案");
        rows[1].Elements<Cell>().ElementAt(1).InnerText.Should().Be("管理员密钥");
    }

    [Fact]
    public void The_trail_can_only_be_appended_to_and_read_there_is_no_update_and_no_delete()
    {
        typeof(IAuditLog).GetMethods().Select(m => m.Name).Should().BeEquivalentTo(["AppendAsync", "ListAsync"]);
        typeof(TableAuditLog).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Should().NotContain(n => n.Contains("Delete", StringComparison.OrdinalIgnoreCase) || n.Contains("Update", StringComparison.OrdinalIgnoreCase) || n.Contains("Upsert", StringComparison.OrdinalIgnoreCase));
    }
}
