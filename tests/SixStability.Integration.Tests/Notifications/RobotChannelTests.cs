using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;
using SixStability.Infrastructure;
using SixStability.Infrastructure.Notifications.Robots;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Units;

namespace SixStability.Integration.Tests.Notifications;

/// <summary>
/// The robots end to end on this machine: the product's own services over Azurite (outbox, allowance table),
/// its typed HttpClient and resilience pipeline against a real local HTTP recorder for both robots, the sample
/// plan and its 43 units, and a fake clock the test moves a minute at a time instead of sleeping.
/// </summary>
public sealed class RobotChannelTests : IAsyncLifetime
{
    private const string CycleId = "jingdezhen-2020Q3";

    private static readonly DateTimeOffset ReminderAt = new(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CycleTick Reminder = new(ReminderAt, StepKind.Reminder, null, new DateOnly(2020, 10, 14), ReminderAt);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2020, 10, 12, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly RecordingMailer mailer = new();
    private readonly ConcurrentQueue<string> logs = new();
    private RobotRecorder recorder = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        recorder = await RobotRecorder.StartAsync();
        recorder.Clock = clock;
        recorder.WeComKeys["key-city"] = "city_wecom";
        recorder.WeComKeys["key-rsj"] = "rsj_group";
        recorder.DingTalkTokens["token-city"] = ("city_ding", "SEC-city-signing-secret");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:TablePrefix"] = "r" + Guid.NewGuid().ToString("N")[..12],
            ["Links:SigningKey"] = "test-signing-key",
            ["Links:BaseUrl"] = "https://lwlb.example.gov.cn",
            ["Channels:WeCom:Host"] = recorder.WeComHost,
            ["Channels:WeCom:Robots:city_wecom"] = "key-city",
            ["Channels:WeCom:Robots:rsj_group"] = "key-rsj",
            ["Channels:WeCom:Robots:stale_group"] = "key-revoked-last-week",
            ["Channels:DingTalk:Host"] = recorder.DingTalkHost,
            ["Channels:DingTalk:Robots:city_ding:AccessToken"] = "token-city",
            ["Channels:DingTalk:Robots:city_ding:Secret"] = "SEC-city-signing-secret",
            ["Channels:FirstBackoff"] = "00:00:00.010",
            ["Cycle:CoUnitWorkingDaysBeforeLead"] = "0", // one due day, so one reminder step reaches all 43 units
        }).Build();
        services = new ServiceCollection().AddLogging(l => l.AddProvider(new CapturedLogs(logs)).SetMinimumLevel(LogLevel.Trace)).AddSixStability(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IMailer>(mailer)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await recorder.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_step_to_43_units_sends_one_message_per_robot_per_unit_never_more_than_20_a_minute_and_every_DingTalk_sign_verifies()
    {
        await OpenAsync(EveryUnitOnTheCityRobots);

        await RunReminderAsync();
        RobotBacklog first = await DeliverQueuedAsync();
        int inTheStep = recorder.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        RobotBacklog second = await DeliverQueuedAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        RobotBacklog third = await DeliverQueuedAsync();

        inTheStep.Should().Be(20 + 20 + 1, "each city robot's allowance, and 市人社局's own group");
        first.NextAt.Should().Be(ReminderAt.AddMinutes(1));
        second.Should().Be(new RobotBacklog(40, 6, ReminderAt.AddMinutes(2)));
        third.Should().Be(new RobotBacklog(6, 0, null));
        string[] units = [.. mailer.For(CycleId).Select(m => m.RecipientKey)];
        units.Should().HaveCount(43);
        foreach (string robot in new[] { "wecom:city_wecom", "dingtalk:city_ding" })
        {
            IReadOnlyList<RobotRequest> sent = [.. recorder.Accepted.Where(r => r.Name == robot)];
            sent.Select(r => r.Content.Split("**")[1]).Should().HaveCount(43).And.OnlyHaveUniqueItems("one message per unit");
            RobotPace.Respects(sent.Select(r => r.At), PacePolicy.Robots).Should().BeTrue($"{robot} never takes more than 20 in a minute");
        }

        recorder.Requests.Where(r => r.Channel == "dingtalk").Should().HaveCount(43).And.OnlyContain(r => r.SignVerified == true);
        RobotRequest own = recorder.Accepted.Single(r => r.Name == "wecom:rsj_group");
        own.Body.GetProperty("msgtype").GetString().Should().Be("text", "WeCom can @ by mobile only in a text message");
        own.Body.GetProperty("text").GetProperty("mentioned_mobile_list")[0].GetString().Should().Be("13800000001");
        own.Content.Should().StartWith("【催报】2020年第三季度“六稳六保”落实情况\n市人社局：还有").And.Contain("打开填报页面：https://lwlb.example.gov.cn/u?t=");
        JsonBodyOf("dingtalk:city_ding").GetProperty("markdown").GetProperty("title").GetString().Should().StartWith("【催报】");
        (await Outbox.ProblemsAsync(CycleId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_robot_answering_45009_is_retried_and_its_message_is_delivered_once()
    {
        await OpenAsync(d => d with { Units = [.. d.Units.Select(u => u.Id == "rsj" ? u with { Channels = [new(ChannelKind.WeCom, "rsj_group")] } : u)] });
        recorder.Respond = (r, n) => n == 0 ? (200, 45009, "api freq out of limit") : (200, 0, "ok");

        await RunReminderAsync();

        recorder.Requests.Select(r => r.Errcode).Should().Equal(45009, 0);
        OutboxEntry row = (await Outbox.GetAsync(CycleId, Reminder.StepId, CancellationToken.None))["rsj|wecom:rsj_group"];
        row.Status.Should().Be(OutboxStatus.Sent);
        row.Attempts.Should().Be(1, "the retry was the HTTP pipeline's, within one send");
    }

    [Fact]
    public async Task A_robot_rate_limited_through_every_retry_waits_for_its_cooldown_and_then_goes()
    {
        await OpenAsync(d => d with { Units = [.. d.Units.Select(u => u.Id is "rsj" or "czj" ? u with { Channels = [new(ChannelKind.DingTalk, "city_ding")] } : u)] });
        recorder.Respond = (r, n) => n < 4 ? (200, 130101, "send too fast, exceed 20 times per minute") : (200, 0, "ok");

        await RunReminderAsync();
        RobotBacklog held = await DeliverQueuedAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        RobotBacklog after = await DeliverQueuedAsync();

        held.Should().Be(new RobotBacklog(0, 2, ReminderAt.AddMinutes(10)), "DingTalk blocks a robot for 10 minutes");
        after.Should().Be(new RobotBacklog(2, 0, null));
        recorder.Requests.Should().HaveCount(4 + 2, "1 try + 3 retries of the first message, then both after the cooldown");
        recorder.Accepted.Should().HaveCount(2).And.OnlyContain(r => r.SignVerified == true);
    }

    [Fact]
    public async Task A_robot_with_a_revoked_key_is_recorded_for_the_coordinator_and_the_other_robots_and_mail_still_go()
    {
        await OpenAsync(d => d with
        {
            Units = [.. d.Units.Select(u => u.Id is "rsj" or "czj"
                ? u with { Channels = [new(ChannelKind.WeCom, "stale_group"), new(ChannelKind.WeCom, "city_wecom")] }
                : u)],
        });

        await RunReminderAsync();

        recorder.Requests.Where(r => r.Errcode == 93000).Should().ContainSingle("after the robot refused its key, its other message was not tried");
        recorder.Accepted.Select(r => r.Name).Should().Equal("wecom:city_wecom", "wecom:city_wecom");
        mailer.For(CycleId).Should().HaveCount(43);
        IReadOnlyList<OutboxEntry> problems = await Outbox.ProblemsAsync(CycleId, CancellationToken.None);
        problems.Should().HaveCount(2).And.OnlyContain(p => p.Status == OutboxStatus.Rejected && p.Robot == "stale_group" && p.Channel == ChannelKind.WeCom);
        problems.Select(p => p.Reader).Should().BeEquivalentTo(["rsj", "czj"]);
        problems.Should().OnlyContain(p => p.Error!.Contains("errcode 93000", StringComparison.Ordinal) && p.Error.Contains("Channels:WeCom:Robots:stale_group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robot_keys_tokens_and_signatures_never_reach_the_logs_even_when_a_robot_refuses()
    {
        await OpenAsync(d => d with
        {
            Units = [.. d.Units.Select(u => u.Id == "rsj"
                ? u with { Channels = [new(ChannelKind.WeCom, "stale_group"), new(ChannelKind.WeCom, "rsj_group"), new(ChannelKind.DingTalk, "city_ding")] }
                : u)],
        });
        recorder.Respond = (r, n) => n == 0 ? (503, 0, string.Empty) : (200, 0, "ok");

        await RunReminderAsync();

        logs.Should().Contain(l => l.Contains("/cgi-bin/webhook/send", StringComparison.Ordinal), "the HTTP client does log its requests");
        logs.Should().NotContain(l => l.Contains("key-", StringComparison.Ordinal) || l.Contains("token-city", StringComparison.Ordinal)
            || l.Contains("SEC-city", StringComparison.Ordinal) || l.Contains("sign=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_step_sends_nothing_on_any_channel()
    {
        await OpenAsync(EveryUnitOnTheCityRobots);
        await RunReminderAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverQueuedAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverQueuedAsync();
        int requests = recorder.Requests.Count;

        await RunReminderAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        RobotBacklog again = await DeliverQueuedAsync();

        recorder.Requests.Should().HaveCount(requests);
        again.Should().Be(RobotBacklog.Empty);
        mailer.For(CycleId).Should().HaveCount(43);
    }

    [Fact]
    public async Task A_directory_naming_a_robot_configuration_lacks_is_refused_and_changes_nothing()
    {
        string json = Samples.Read("directory.json").Replace(
            "\"email\": \"rsj@example.gov.cn\",",
            "\"email\": \"rsj@example.gov.cn\", \"channels\": [{ \"kind\": \"dingtalk\", \"robot\": \"rsj_ding\" }],",
            StringComparison.Ordinal);

        Outcome<DirectoryStored> stored = await services.GetRequiredService<ReplaceDirectoryUseCase>().RunAsync(new ReplaceDirectoryCommand(json, null, Actor.Key(null)), CancellationToken.None);

        stored.Errors.Should().ContainSingle().Which.Field.Should().Be("units[0].channels[0].robot");
        (await services.GetRequiredService<IDirectoryStore>().GetAsync(null, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public void DingTalks_sign_is_Base64_HMAC_SHA256_of_the_timestamp_a_newline_and_the_secret_keyed_by_the_secret()
    {
        // Computed independently: python3 -c "import hmac,hashlib,base64;
        //   print(base64.b64encode(hmac.new(b'SECabc', b'1602550800000\nSECabc', hashlib.sha256).digest()).decode())"
        const string Expected = "EcZ7rin5KKgN0jz/kR0QqyqstE8/7llczq7lSyivpr8=";

        DingTalkSignature.Sign(1602550800000, "SECabc").Should().Be(Expected);
        DingTalkSignature.Query(1602550800000, "SECabc").Should().Be("&timestamp=1602550800000&sign=" + Uri.EscapeDataString(Expected));
        DingTalkSignature.Verify(1602550800000, Expected, "SECabc").Should().BeTrue();
        DingTalkSignature.Verify(1602550800001, Expected, "SECabc").Should().BeFalse();
    }

    private IMailOutbox Outbox => services.GetRequiredService<IMailOutbox>();

    /// <summary>Every unit on the city's WeCom and DingTalk groups; 市人社局 also on its own group, its clerk @'d.</summary>
    private static UnitDirectory EveryUnitOnTheCityRobots(UnitDirectory d) => d with
    {
        Units = [.. d.Units.Select(u => u with
        {
            Channels = [
                new ChannelAddress(ChannelKind.WeCom, "city_wecom"),
                new ChannelAddress(ChannelKind.DingTalk, "city_ding"),
                .. u.Id == "rsj" ? [new ChannelAddress(ChannelKind.WeCom, "rsj_group", ["13800000001"])] : Array.Empty<ChannelAddress>(),
            ],
        })],
    };

    /// <summary>The sample directory (changed) through the coordinator's use case, the sample plan, and the 2020Q3 cycle opened.</summary>
    private async Task OpenAsync(Func<UnitDirectory, UnitDirectory> directory)
    {
        UnitDirectory units = directory(UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!);
        string json = System.Text.Json.JsonSerializer.Serialize(units, Core.Text.Json.Options);
        Outcome<DirectoryStored> stored = await services.GetRequiredService<ReplaceDirectoryUseCase>().RunAsync(new ReplaceDirectoryCommand(json, null, Actor.Key(null)), CancellationToken.None);
        stored.IsOk.Should().BeTrue(stored.Message);
        await services.GetRequiredService<IPlanStore>().PutAsync(PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog, null, CancellationToken.None);
        await services.GetRequiredService<OpenCycleActivity>().RunAsync(null!, new CycleInput(CycleId, "jingdezhen", "2020Q3", new CyclePolicyChoice(), clock.GetUtcNow()));
        clock.SetUtcNow(ReminderAt);
    }

    private Task<CycleCounts> RunReminderAsync() =>
        services.GetRequiredService<RunStepForUnitsActivity>().RunAsync(null!, new StepUnitsInput(CycleId, Reminder, 0));

    private Task<RobotBacklog> DeliverQueuedAsync() =>
        services.GetRequiredService<DeliverQueuedActivity>().RunAsync(null!, CycleId);

    private System.Text.Json.JsonElement JsonBodyOf(string robot) => recorder.Accepted.First(r => r.Name == robot).Body;
}
