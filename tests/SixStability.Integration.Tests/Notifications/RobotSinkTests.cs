using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Infrastructure.Notifications.Robots;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Notifications;

/// <summary>
/// DevHost's stand-in robots (<c>Channels:*:Host = devhost</c>): the product's own HTTP client posts to them, they
/// answer as the real robots do, and <c>/dev/mail</c> shows what they accepted beside the mail.
/// </summary>
public sealed class RobotSinkTests : IAsyncLifetime
{
    private readonly string mailFolder = Directory.CreateTempSubdirectory("sixstability-robots-").FullName;
    private DevHostServer server = null!;

    public async Task InitializeAsync() => server = await DevHostServer.StartAsync(mailFolder: mailFolder, settings: new Dictionary<string, string?>
    {
        ["Channels:WeCom:Host"] = "devhost",
        ["Channels:WeCom:Robots:counties"] = "wecom-key",
        ["Channels:DingTalk:Host"] = "devhost",
        ["Channels:DingTalk:Robots:fgw:AccessToken"] = "ding-token",
        ["Channels:DingTalk:Robots:fgw:Secret"] = "SEC-ding-secret",
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(mailFolder, recursive: true);
    }

    [Fact]
    public async Task A_message_the_product_sends_reaches_the_sink_and_is_listed_beside_the_mail_and_drawn_as_its_group_sees_it()
    {
        IRobotMessenger robots = server.Services.GetRequiredService<IRobotMessenger>();
        RobotMessage reminder = RobotMessages.Reminder(Facts, new UnitNotice(Flx, [new OwedTask(2, "扩大就业 <script>alert(1)</script>", new DateOnly(2020, 10, 14), 1)], new Uri("http://127.0.0.1/u?t=abc&x=1")), new ChannelAddress(ChannelKind.WeCom, "counties"));
        RobotMessage escalation = RobotMessages.Escalation(Facts, 3, new EscalationReader("coordinator", "市发改委", Facts.Coordinator, [new LateItem("浮梁县政府", 2, "扩大就业", 5)], Board: new Uri("http://127.0.0.1/coord")), new ChannelAddress(ChannelKind.DingTalk, "fgw", ["13900000002"]));

        RobotAnswer wecom = await robots.SendAsync(ChannelKind.WeCom, "counties", reminder, CancellationToken.None);
        RobotAnswer ding = await robots.SendAsync(ChannelKind.DingTalk, "fgw", escalation, CancellationToken.None);
        using HttpClient client = server.Client();
        string list = await client.GetStringAsync("/dev/mail");
        string[] pages = [.. Directory.GetFiles(mailFolder, "*.robot.json").Order(StringComparer.Ordinal).Select(Path.GetFileName)!];

        wecom.Should().Be(RobotAnswer.Sent);
        ding.Should().Be(RobotAnswer.Sent, "the DingTalk request was signed as the stand-in checks");
        pages.Should().HaveCount(2);
        list.Should().Contain("0 封邮件、2 条群机器人消息").And.Contain("企业微信群").And.Contain("钉钉群")
            .And.Contain("【催报】2020年第三季度“六稳六保”落实情况 — 浮梁县政府：还有1项未报送").And.Contain("fgw @13900000002");
        string wecomPage = await client.GetStringAsync($"/dev/mail/{pages.Single(p => p.Contains("-wecom-", StringComparison.Ordinal))}");
        wecomPage.Should().Contain("<h3>【催报】2020年第三季度“六稳六保”落实情况</h3>").And.Contain("<strong>浮梁县政府</strong>")
            .And.Contain("<li>（二）扩大就业 ＜script＞alert(1)＜/script＞</li>").And.NotContain("<script>")
            .And.Contain("<a href=\"http://127.0.0.1/u?t=abc&amp;x=1\">打开填报页面</a>");
        string dingPage = await client.GetStringAsync($"/dev/mail/{pages.Single(p => p.Contains("-dingtalk-", StringComparison.Ordinal))}");
        dingPage.Should().Contain("<a href=\"http://127.0.0.1/coord\">查看督办看板</a>").And.Contain("@13900000002");
    }

    [Fact]
    public async Task The_stand_ins_refuse_a_wrong_key_a_bad_signature_and_a_21st_message_within_a_minute_as_the_robots_do()
    {
        using HttpClient client = server.Client();
        const string Body = """{ "msgtype": "markdown", "markdown": { "content": "### 测试", "title": "测试", "text": "### 测试" } }""";

        string wrongKey = await PostAsync(client, "/dev/robots/wecom/cgi-bin/webhook/send?key=nope", Body);
        string badSign = await PostAsync(client, $"/dev/robots/dingtalk/robot/send?access_token=ding-token&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}&sign=AAAA", Body);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string signed = await PostAsync(client, $"/dev/robots/dingtalk/robot/send?access_token=ding-token{DingTalkSignature.Query(now, "SEC-ding-secret")}", Body);
        var answers = new List<string>();
        for (int i = 0; i < 21; i++)
        {
            answers.Add(await PostAsync(client, "/dev/robots/wecom/cgi-bin/webhook/send?key=wecom-key", Body));
        }

        wrongKey.Should().Contain("\"errcode\":93000");
        badSign.Should().Contain("\"errcode\":310000");
        signed.Should().Contain("\"errcode\":0");
        answers.Take(20).Should().OnlyContain(a => a.Contains("\"errcode\":0", StringComparison.Ordinal));
        answers[20].Should().Contain("\"errcode\":45009");
    }

    [Fact]
    public async Task On_a_390_pixel_phone_the_list_and_a_message_fit_the_screen()
    {
        IRobotMessenger robots = server.Services.GetRequiredService<IRobotMessenger>();
        await robots.SendAsync(ChannelKind.WeCom, "counties", RobotMessages.Reminder(Facts, new UnitNotice(Flx, [new OwedTask(2, "扩大就业", new DateOnly(2020, 10, 14), 1), new OwedTask(8, "加快项目建设", new DateOnly(2020, 10, 14), 1)], new Uri("http://127.0.0.1:7071/u?t=eyJVIjoiZmx4IiwiQyI6ImppbmdkZXpoZW4tMjAyMFEzIn0.Rl-a0MktQ2ZLyjX91S0oWXGYa33_jDSYsA9wQ7T3-nM")), new ChannelAddress(ChannelKind.WeCom, "counties")), CancellationToken.None);
        string name = Path.GetFileName(Directory.GetFiles(mailFolder, "*.robot.json").Single());
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            foreach ((string path, string shot) in new[] { ("/dev/mail", "sink-list"), ($"/dev/mail/{name}", "sink-robot") })
            {
                foreach (int width in new[] { 1280, 390 })
                {
                    IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = width, Height = 844 }, Locale = "zh-CN" });
                    await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());

                    int scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

                    scrollWidth.Should().BeLessThanOrEqualTo(width, $"{path} at {width} px needs no sideways scrolling");
                    if (Environment.GetEnvironmentVariable("SIXSTABILITY_SCREENSHOTS") is { Length: > 0 } folder)
                    {
                        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{shot}-{width}.png"), FullPage = true });
                    }

                    await page.CloseAsync();
                }
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static readonly CycleFacts Facts = new("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Core.Calendar.Quarter.Parse("2020Q3"), new Contact("市发改委", "fgw@example.gov.cn"));

    private static readonly Unit Flx = new("flx", "浮梁县政府", UnitKind.CountyGovernment, "flx@example.gov.cn", "mayor");

    private static async Task<string> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
