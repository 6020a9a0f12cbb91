using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>附件: stored as blobs, limited in type and size, readable by the unit and the coordinator only.</summary>
public sealed class AttachmentTests : DemoCycleApiTest
{
    private static ByteArrayContent File(byte[] bytes, string type = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static byte[] Pdf(int size)
    {
        byte[] bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        new Random(7).NextBytes(bytes.AsSpan(9));
        return bytes;
    }

    private static async Task<JsonElement> ObligationAsync(HttpClient unit, int task) =>
        (await (await unit.GetAsync("/api/me/obligations")).JsonAsync()).GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == task);

    [Fact]
    public async Task An_attached_file_comes_back_byte_for_byte_to_the_unit_and_the_coordinator_and_a_submission_names_it()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        byte[] pdf = Pdf(300_000);

        using HttpResponseMessage added = await rsj.PostAsync($"/api/me/obligations/3/attachments?name={Uri.EscapeDataString("三季度就业台账.pdf")}", File(pdf));
        string id = (await added.JsonAsync()).GetProperty("id").GetString()!;
        using HttpResponseMessage mine = await rsj.GetAsync($"/api/me/obligations/3/attachments/{id}");
        using HttpResponseMessage coordinators = await Admin.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/3/attachments/{id}");
        using var json = new StringContent("""{ "narrative": "见附件", "status": "按进度推进" }""", System.Text.Encoding.UTF8, "application/json");
        (await rsj.PostAsync("/api/me/obligations/3/submission", json)).EnsureSuccessStatusCode();
        JsonElement history = await (await rsj.GetAsync("/api/me/obligations/3/history")).JsonAsync();

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await mine.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
        mine.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        mine.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("三季度就业台账.pdf");
        (await coordinators.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
        (await ObligationAsync(rsj, 3)).GetProperty("attachments")[0].GetProperty("name").GetString().Should().Be("三季度就业台账.pdf");
        history.EnumerateArray().Last().GetProperty("content").GetProperty("attachments")[0].GetProperty("id").GetString().Should().Be(id);
    }

    [Theory]
    [InlineData("setup.exe", 1000, 400)]
    [InlineData("空文件.pdf", 0, 400)]
    [InlineData("", 1000, 400)]
    [InlineData("大文件.pdf", 10 * 1024 * 1024 + 1, 413)]
    public async Task A_file_of_the_wrong_type_or_size_is_refused_and_nothing_is_attached(string name, int size, int status)
    {
        using HttpClient rsj = Server.UnitClient("rsj");

        using HttpResponseMessage refused = await rsj.PostAsync($"/api/me/obligations/3/attachments?name={Uri.EscapeDataString(name)}", File(new byte[size]));

        await refused.ShouldBeProblemAsync(status);
        (await ObligationAsync(rsj, 3)).GetProperty("attachments").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Another_unit_cannot_read_a_file_and_a_sixth_file_is_refused()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using HttpClient fgw = Server.UnitClient("fgw");
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage ok = await rsj.PostAsync($"/api/me/obligations/3/attachments?name=f{i}.png", File(Pdf(2000)));
            ids.Add((await ok.JsonAsync()).GetProperty("id").GetString()!);
        }

        using HttpResponseMessage sixth = await rsj.PostAsync("/api/me/obligations/3/attachments?name=f6.png", File(Pdf(2000)));
        using HttpResponseMessage stolen = await fgw.GetAsync($"/api/me/obligations/3/attachments/{ids[0]}");
        using HttpResponseMessage anonymous = await Server.Client().GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/3/attachments/{ids[0]}");
        using HttpResponseMessage deleted = await rsj.DeleteAsync($"/api/me/obligations/3/attachments/{ids[0]}");

        await sixth.ShouldBeProblemAsync(400);
        ((int)stolen.StatusCode).Should().BeOneOf(404);
        await anonymous.ShouldBeProblemAsync(401);
        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ObligationAsync(rsj, 3)).GetProperty("attachments").GetArrayLength().Should().Be(4);
    }
}
