using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 5: a removed attachment's bytes are deleted unless a submission names it, and the close
/// sweeps the blobs nothing names (a process that died between writing a blob and committing its row).
/// </summary>
public sealed class AttachmentBlobTests : DemoCycleApiTest
{
    private const string Rsj = "jingdezhen-2020Q3/rsj/";

    private static ByteArrayContent Pdf(int size)
    {
        byte[] bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return content;
    }

    private static async Task<string> AttachAsync(HttpClient unit, int task, string name, int size = 2000)
    {
        using ByteArrayContent body = Pdf(size);
        using HttpResponseMessage added = await unit.PostAsync($"/api/me/obligations/{task}/attachments?name={Uri.EscapeDataString(name)}", body);
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await added.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Six_rounds_of_attaching_and_removing_a_file_leave_no_bytes_behind()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        BlobContainerClient attachments = await Server.ContainerAsync("attachments");

        for (int round = 0; round < 6; round++)
        {
            string id = await AttachAsync(rsj, 3, $"第{round}版.pdf", 1024 * 1024);
            (await rsj.DeleteAsync($"/api/me/obligations/3/attachments/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await attachments.NamesAsync(Rsj)).Should().BeEmpty("no submission named any of the six files");
    }

    [Fact]
    public async Task A_removed_file_a_submission_named_keeps_its_bytes_for_the_unit_and_the_coordinator()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        BlobContainerClient attachments = await Server.ContainerAsync("attachments");
        string id = await AttachAsync(rsj, 3, "已报送的台账.pdf");
        using (var submission = new StringContent("""{ "narrative": "见附件", "status": "按进度推进" }""", Encoding.UTF8, "application/json"))
        {
            (await rsj.PostAsync("/api/me/obligations/3/submission", submission)).EnsureSuccessStatusCode();
        }

        using HttpResponseMessage removed = await rsj.DeleteAsync($"/api/me/obligations/3/attachments/{id}");
        using HttpResponseMessage mine = await rsj.GetAsync($"/api/me/obligations/3/attachments/{id}");
        using HttpResponseMessage coordinators = await Admin.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/3/attachments/{id}");

        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await removed.JsonAsync()).GetProperty("attachments").GetArrayLength().Should().Be(0);
        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        (await mine.Content.ReadAsByteArrayAsync()).Length.Should().Be(2000);
        coordinators.StatusCode.Should().Be(HttpStatusCode.OK);
        (await attachments.NamesAsync(Rsj)).Should().ContainSingle();
    }

    [Fact]
    public async Task Closing_the_cycle_sweeps_orphan_attachment_and_history_blobs_and_keeps_every_named_one()
    {
        // Arrange: a file in use, a submission long enough that its text is a blob, and two orphans as a
        // crash between the blob write and the row's commit leaves them.
        using HttpClient rsj = Server.UnitClient("rsj");
        BlobContainerClient attachments = await Server.ContainerAsync("attachments");
        BlobContainerClient history = await Server.ContainerAsync("history");
        string kept = await AttachAsync(rsj, 3, "在用.pdf");
        // 5,000 + 2,000 + 2,000 characters: past the 8 K a history row holds inline, so the text is a blob.
        using (var longText = new StringContent(JsonSerializer.Serialize(new { narrative = new string('长', 5000), status = "按进度推进", difficulties = new string('难', 2000), nextSteps = new string('做', 2000) }), Encoding.UTF8, "application/json"))
        {
            (await rsj.PostAsync("/api/me/obligations/3/submission", longText)).EnsureSuccessStatusCode();
        }

        List<string> namedHistory = await history.NamesAsync();
        string orphanFile = $"{Rsj}03/{Guid.NewGuid():N}";
        string orphanText = $"{Uri.EscapeDataString("jingdezhen-2020Q3|rsj")}/{Uri.EscapeDataString($"h03|0637000000000000000|{Guid.NewGuid():N}")}.json";
        await attachments.UploadBlobAsync(orphanFile, BinaryData.FromString("orphan"));
        await history.UploadBlobAsync(orphanText, BinaryData.FromString("\"orphan\""));

        // Act
        (await Admin.PostAsync($"/api/cycles/{CycleId}/close", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        bool swept = await EventuallyAsync(async () => !(await attachments.NamesAsync(Rsj)).Contains(orphanFile) && !(await history.NamesAsync()).Contains(orphanText));

        // Assert
        swept.Should().BeTrue("the close sweeps blobs that nothing names");
        (await attachments.NamesAsync(Rsj)).Should().Equal($"{Rsj}03/{kept}");
        namedHistory.Should().ContainSingle();
        (await history.NamesAsync()).Should().Equal(namedHistory);
        JsonElement stored = await (await rsj.GetAsync("/api/me/obligations/3/history")).JsonAsync();
        stored.EnumerateArray().Last().GetProperty("content").GetProperty("narrative").GetString().Should().HaveLength(5000);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 240; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
