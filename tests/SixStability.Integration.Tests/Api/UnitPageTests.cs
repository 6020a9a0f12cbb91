using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>The unit's page /u?t=… through real HTTP: plain form posts, as an old office browser sends them.</summary>
public sealed class UnitPageTests : DemoCycleApiTest
{
    private const string Indicator = "今年完成2万户老旧小区改造";

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.Client().BaseAddress };

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<string> StateAsync(string unit, int task)
    {
        using HttpClient client = Server.UnitClient(unit);
        JsonElement mine = await (await client.GetAsync("/api/me/obligations")).JsonAsync();
        return mine.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == task).GetProperty("state").GetString()!;
    }

    [Theory]
    [InlineData("", "需要专属链接")]
    [InlineData("not-a-token", "链接无效或已过期")]
    public async Task A_missing_or_bad_link_gets_a_Chinese_page_with_401(string token, string title)
    {
        using HttpClient browser = Browser();

        using HttpResponseMessage page = await browser.GetAsync($"/u?t={token}");
        string html = await page.Content.ReadAsStringAsync();

        page.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("lang=\"zh-CN\"").And.Contain(title).And.Contain("联系市发改委");
    }

    [Fact]
    public async Task A_tampered_or_expired_link_cannot_post_and_stores_nothing()
    {
        using HttpClient browser = Browser();
        string expired = Server.UnitToken("fgw", days: -1);
        string tampered = Server.UnitToken("fgw")[..^2] + "xx";

        foreach (string token in new[] { expired, tampered })
        {
            using HttpResponseMessage post = await browser.PostAsync($"/u?t={Uri.EscapeDataString(token)}", Form(("task", "6"), ("action", "submit"), ("narrative", "伪造"), ("status", "已完成")));
            post.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await StateAsync("fgw", 6)).Should().Be("outstanding");
    }

    [Fact]
    public async Task The_page_lists_what_the_unit_owes_with_due_dates_and_working_days_left()
    {
        using HttpClient browser = Browser();

        string html = await browser.GetStringAsync($"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}");

        html.Should().Contain("市发改委").And.Contain("2020年第三季度");
        html.Should().MatchRegex(@"10月\d+日<br><span class=""muted"">还剩 \d+ 个工作日");
        html.Should().Contain("id=\"task-6\"").And.Contain(Indicator).And.Contain("保存草稿").And.Contain("提交报送");
    }

    [Fact]
    public async Task Submitting_the_form_redirects_back_and_shows_it_as_submitted_with_the_indicator_stored()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";
        string page = await browser.GetStringAsync(url);
        string rev = HiddenValue(page, "task-6", "rev");

        using HttpResponseMessage post = await browser.PostAsync(url, Form(("task", "6"), ("rev", rev), ("key", "k1"), ("action", "submit"), ("narrative", "已开工改造老旧小区1.2万户。"), ("status", "按进度推进"), ("indname.0", Indicator), ("ind.0", "12,000")));
        string after = await browser.GetStringAsync(post.Headers.Location!.OriginalString.StartsWith('/') ? post.Headers.Location.OriginalString : "/" + post.Headers.Location.OriginalString);

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        after.Should().Contain("已报送，谢谢").And.Contain("已开工改造老旧小区1.2万户。").And.Contain("重新报送");
        (await StateAsync("fgw", 6)).Should().Be("submitted");
        JsonElement read = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/fgw/obligations/6")).JsonAsync();
        read.ToString().Should().Contain("12000");
    }

    [Fact]
    public async Task The_contact_card_keeps_who_answers_for_the_reports_and_a_bad_phone_comes_back_as_typed()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}";

        using HttpResponseMessage bad = await browser.PostAsync(url, Form(("action", "contact"), ("filler", "王芳"), ("phone", "问办公室"), ("approver", "李强")));
        string badHtml = await bad.Content.ReadAsStringAsync();
        using HttpResponseMessage good = await browser.PostAsync(url, Form(("action", "contact"), ("filler", "王芳"), ("phone", "0798-8222333"), ("approver", "李强")));
        string page = await browser.GetStringAsync(good.Headers.Location!.OriginalString.Split('#')[0].TrimStart('/').Insert(0, "/"));

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badHtml.Should().Contain("联系电话“问办公室”无效").And.Contain("value=\"王芳\"");
        good.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        page.Should().Contain("填报信息已保存").And.Contain("填报人：王芳（0798-8222333），审核领导：李强");
        using HttpClient api = Server.UnitClient("rsj");
        JsonElement mine = await (await api.GetAsync("/api/me/contact")).JsonAsync();
        mine.GetProperty("contact").GetProperty("approver").GetString().Should().Be("李强");
        mine.GetProperty("remembered").GetBoolean().Should().BeFalse();
        JsonElement read = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/3")).JsonAsync();
        read.GetProperty("contact").GetProperty("phone").GetString().Should().Be("0798-8222333", "the coordinator reading a report sees whom to call");
    }

    [Fact]
    public async Task A_form_missing_the_narrative_is_shown_again_with_the_reason_and_what_was_typed()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}";

        using HttpResponseMessage post = await browser.PostAsync(url, Form(("task", "3"), ("action", "submit"), ("difficulties", "资金缺口较大"), ("status", "滞后")));
        string html = await post.Content.ReadAsStringAsync();

        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("请填写工作进展").And.Contain("资金缺口较大");
        (await StateAsync("rsj", 3)).Should().Be("outstanding");
    }

    [Fact]
    public async Task A_number_that_is_not_a_number_is_named_stays_in_its_box_as_typed_and_nothing_is_stored()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";

        using HttpResponseMessage post = await browser.PostAsync(url, Form(("task", "6"), ("action", "draft"), ("narrative", "进展"), ("status", "已完成"), ("indname.0", Indicator), ("ind.0", "约1.6万")));
        string page = await post.Content.ReadAsStringAsync();

        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("应填一个确切的数").And.Contain("value=\"约1.6万\"", "the refused value stays in its box").And.Contain(">进展</textarea>");
        (await StateAsync("fgw", 6)).Should().Be("outstanding");
    }

    [Theory]
    [InlineData("1.6万", 16000)]
    [InlineData("16,000", 16000)]
    [InlineData("１６０００", 16000)]
    [InlineData("３．２亿", 320000000)]
    public async Task Figures_typed_as_clerks_type_them_are_stored_as_numbers(string typed, decimal stored)
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";

        using HttpResponseMessage post = await browser.PostAsync(url, Form(("task", "6"), ("action", "draft"), ("narrative", "进展"), ("indname.0", Indicator), ("ind.0", typed)));
        JsonElement history = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/fgw/obligations/6")).JsonAsync();

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        history.GetProperty("history")[0].GetProperty("content").GetProperty("indicators")[0].GetProperty("value").GetDecimal().Should().Be(stored);
    }

    [Fact]
    public async Task A_revision_that_leaves_an_indicator_empty_keeps_the_value_and_clearing_it_on_purpose_removes_it()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";
        (await browser.PostAsync(url, Form(("task", "6"), ("action", "submit"), ("narrative", "第一次"), ("status", "按进度推进"), ("indname.0", Indicator), ("ind.0", "12000")))).Dispose();

        (await browser.PostAsync(url, Form(("task", "6"), ("action", "submit"), ("narrative", "第二次"), ("status", "按进度推进"), ("indname.0", Indicator), ("ind.0", "")))).Dispose();
        JsonElement kept = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/fgw/obligations/6")).JsonAsync();
        (await browser.PostAsync(url, Form(("task", "6"), ("action", "submit"), ("narrative", "第三次"), ("status", "按进度推进"), ("indname.0", Indicator), ("ind.0", ""), ("clear.0", "1")))).Dispose();
        JsonElement cleared = await (await Admin.GetAsync($"/api/cycles/{CycleId}/units/fgw/obligations/6")).JsonAsync();

        kept.GetProperty("obligation").GetProperty("figures").GetProperty("readings")[0].GetProperty("value").GetDecimal().Should().Be(12000);
        cleared.GetProperty("obligation").GetProperty("figures").GetProperty("readings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Uploading_a_file_from_the_tasks_form_keeps_what_was_typed_and_a_refresh_stores_the_file_once()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";
        MultipartFormDataContent Upload()
        {
            var form = new MultipartFormDataContent();
            foreach ((string key, string value) in new[] { ("task", "6"), ("key", "k-upload"), ("action", "attach"), ("narrative", "还没保存的进展"), ("indname.0", Indicator), ("ind.0", "1.2万") })
            {
                form.Add(new StringContent(value), key);
            }

            form.Add(new ByteArrayContent([1, 2, 3]), "file", "台账.pdf");
            return form;
        }

        using MultipartFormDataContent first = Upload();
        using HttpResponseMessage attached = await browser.PostAsync(url, first);
        using MultipartFormDataContent again = Upload();
        using HttpResponseMessage refreshed = await browser.PostAsync(url, again);
        string page = await attached.Content.ReadAsStringAsync();

        attached.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain(">还没保存的进展</textarea>").And.Contain("value=\"1.2万\"").And.Contain("台账.pdf").And.Contain("尚未保存");
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement mine = await (await Server.UnitClient("fgw").GetAsync("/api/me/obligations")).JsonAsync();
        mine.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == 6).GetProperty("attachments").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_form_key_reused_for_other_text_is_not_a_silent_replay_the_form_comes_back_with_the_new_text()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("fgw"))}";
        (await browser.PostAsync(url, Form(("task", "6"), ("key", "k-back"), ("action", "draft"), ("narrative", "第一稿")))).Dispose();

        // The clerk goes Back to the page it had (same key) and edits.
        using HttpResponseMessage edited = await browser.PostAsync(url, Form(("task", "6"), ("key", "k-back"), ("action", "draft"), ("narrative", "改过的第二稿")));
        string page = await edited.Content.ReadAsStringAsync();

        edited.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        page.Should().Contain(">改过的第二稿</textarea>", "what was typed is shown again, to be saved with the page's new key");
        page.Should().NotContain("name=\"key\" value=\"k-back\"");
    }

    [Fact]
    public async Task After_close_the_page_shows_no_form_and_the_api_refuses_a_submission_with_409()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using var json = new StringContent("""{ "narrative": "按时报送", "status": "已完成" }""", Encoding.UTF8, "application/json");
        (await rsj.PostAsync("/api/me/obligations/3/submission", json)).EnsureSuccessStatusCode();
        (await Admin.PostAsync($"/api/cycles/{CycleId}/close", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        for (int i = 0; i < 300 && (await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync()).GetProperty("status").GetString() != "closed"; i++)
        {
            await Task.Delay(100);
        }

        using var late = new StringContent("""{ "narrative": "关闭后再改", "status": "已完成" }""", Encoding.UTF8, "application/json");
        using HttpResponseMessage refused = await rsj.PostAsync("/api/me/obligations/3/submission", late);
        using HttpClient browser = Browser();
        string html = await browser.GetStringAsync($"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}");
        using HttpResponseMessage post = await browser.PostAsync($"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}", Form(("task", "3"), ("action", "submit"), ("narrative", "关闭后再改"), ("status", "已完成")));
        JsonElement history = await (await rsj.GetAsync("/api/me/obligations/3/history")).JsonAsync();

        (await refused.ShouldBeProblemAsync(409)).GetProperty("detail").GetString().Should().Contain("已关闭");
        html.Should().Contain("本周期已关闭").And.Contain("按时报送").And.NotContain("<form");
        post.StatusCode.Should().Be(HttpStatusCode.Conflict);
        history.EnumerateArray().Count(h => h.GetProperty("what").GetString() == "submitted").Should().Be(1);
    }

    [Fact]
    public async Task A_unit_asks_for_an_extension_from_its_page_and_sees_it_pending_and_a_bad_date_is_named()
    {
        using HttpClient browser = Browser();
        string url = $"/u?t={Uri.EscapeDataString(Server.UnitToken("flx"))}";

        using HttpResponseMessage bad = await browser.PostAsync(url, Form(("action", "extension"), ("due", "10月20日"), ("reason", "防汛")));
        using HttpResponseMessage asked = await browser.PostAsync(url, Form(("action", "extension"), ("due", "2020-10-20"), ("reason", "防汛抢险，人手不足")));
        string page = await browser.GetStringAsync(url + "&ok=extension");

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("日期格式应为");
        asked.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        page.Should().Contain("延期申请已提交").And.Contain("已申请延期至 2020年10月20日").And.Contain("待市发改委审核");
        (await Admin.GetStringAsync($"/api/cycles/{CycleId}")).Should().Contain("防汛抢险，人手不足");
    }

    /// <summary>The value of a hidden input inside a task's section.</summary>
    private static string HiddenValue(string html, string section, string name)
    {
        int start = html.IndexOf($"id=\"{section}\"", StringComparison.Ordinal);
        string marker = $"name=\"{name}\" value=\"";
        int at = html.IndexOf(marker, start, StringComparison.Ordinal) + marker.Length;
        return WebUtility.HtmlDecode(html[at..html.IndexOf('"', at)]);
    }
}
