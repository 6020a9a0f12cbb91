using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 6: a file name with a Unicode format character (U+202E made "x[U+202E]lmth.pdf" show as
/// "xfdp.html") is refused on the API and the page, and names are kept in NFC.
/// </summary>
public sealed class FileNameTests : DemoCycleApiTest
{
    private const string RightToLeftOverride = "x\u202Elmth.pdf";

    private static ByteArrayContent Bytes()
    {
        var content = new ByteArrayContent("%PDF-1.4\n"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return content;
    }

    private static async Task<JsonElement> AttachmentsAsync(HttpClient unit, int task) =>
        (await (await unit.GetAsync("/api/me/obligations")).JsonAsync()).GetProperty("obligations").EnumerateArray()
            .Single(o => o.GetProperty("task").GetInt32() == task).GetProperty("attachments");

    [Theory]
    [InlineData(RightToLeftOverride)]
    [InlineData("台账\u200B.pdf")]
    [InlineData("\u2067台账.pdf")]
    public async Task A_name_with_a_format_character_is_refused_on_the_API_and_nothing_is_attached(string name)
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using ByteArrayContent body = Bytes();

        using HttpResponseMessage refused = await rsj.PostAsync($"/api/me/obligations/3/attachments?name={Uri.EscapeDataString(name)}", body);

        JsonElement problem = await refused.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain("格式字符");
        (await AttachmentsAsync(rsj, 3)).GetArrayLength().Should().Be(0);
        (await (await Server.ContainerAsync("attachments")).NamesAsync("jingdezhen-2020Q3/rsj/")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_name_with_a_format_character_is_refused_on_the_page_and_nothing_is_attached()
    {
        using HttpClient browser = Server.Client(allowRedirects: false);
        using var form = new MultipartFormDataContent { { new StringContent("attach"), "action" }, { new StringContent("3"), "task" } };
        ByteArrayContent file = Bytes();
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{RightToLeftOverride}\"");
        form.HeaderEncodingSelector = (_, _) => Encoding.UTF8;
        form.Add(file);

        using HttpResponseMessage refused = await browser.PostAsync($"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}", form);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("格式字符");
        using HttpClient rsj = Server.UnitClient("rsj");
        (await AttachmentsAsync(rsj, 3)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_name_typed_on_a_Mac_is_kept_in_NFC()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        string decomposed = "Re\u0301sume\u0301 台账.pdf".Normalize(NormalizationForm.FormD);
        using ByteArrayContent body = Bytes();

        using HttpResponseMessage added = await rsj.PostAsync($"/api/me/obligations/3/attachments?name={Uri.EscapeDataString(decomposed)}", body);

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await added.JsonAsync()).GetProperty("name").GetString().Should().Be("R\u00e9sum\u00e9 台账.pdf");
        (await AttachmentsAsync(rsj, 3))[0].GetProperty("name").GetString().Should().Be("R\u00e9sum\u00e9 台账.pdf");
    }
}
