using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Notifications;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Notifications;

/// <summary>The SendGrid adapter against a local HTTP recorder, with the outbox on Azurite.</summary>
public sealed class SendGridMailerTests : IAsyncLifetime
{
    private SendGridRecorder recorder = null!;
    private ServiceProvider services = null!;

    private Notifier Notifier => services.GetRequiredService<Notifier>();

    private IMailOutbox Outbox => services.GetRequiredService<IMailOutbox>();

    public async Task InitializeAsync()
    {
        recorder = await SendGridRecorder.StartAsync();
        services = await MailServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "SendGrid",
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = recorder.Address.ToString().TrimEnd('/'),
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await recorder.DisposeAsync();
    }

    [Fact]
    public async Task A_step_to_2500_units_goes_out_as_3_requests_of_valid_v3_bodies()
    {
        MailBatch batch = await MailBatches.ReminderAsync(2500);

        NotifyResult result = await Notifier.SendAsync(batch, CancellationToken.None);

        result.Sent.Should().Be(2500);
        JsonElement[] requests = [.. recorder.Requests];
        requests.Select(r => r.GetProperty("personalizations").GetArrayLength()).Should().Equal(1000, 1000, 500);
        recorder.Authorizations.Should().AllBe("Bearer SG.test-key");
        foreach (JsonElement body in requests)
        {
            body.GetProperty("from").GetProperty("email").GetString().Should().Be("lwlb@example.gov.cn");
            body.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()).Should().Equal("text/plain", "text/html");
            body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Should().Equal("reminder");
        }

        JsonElement first = requests[0].GetProperty("personalizations")[0];
        first.GetProperty("subject").GetString().Should().Be("【催报】2020年第三季度“六稳六保”落实情况 — 还差1项，10月14日截止");
        first.GetProperty("substitutions").EnumerateObject().Select(p => p.Value.GetString()).Should().Contain(v => v!.Contains("u?t=token1", StringComparison.Ordinal) && v.Contains("单位1：", StringComparison.Ordinal));
        first.GetProperty("to")[0].GetProperty("email").GetString().Should().Be("u00001@example.gov.cn");
        first.GetProperty("custom_args").GetProperty("cycle").GetString().Should().Be("jingdezhen-2020Q3");
        first.GetProperty("custom_args").GetProperty("step").GetString().Should().Be("reminder-2020-10-13");
        first.GetProperty("custom_args").GetProperty("unit").GetString().Should().Be("u00001");
        requests.SelectMany(r => r.GetProperty("personalizations").EnumerateArray()).Select(p => p.GetProperty("to")[0].GetProperty("email").GetString())
            .Should().OnlyHaveUniqueItems().And.HaveCount(2500);
    }

    [Fact]
    public async Task A_429_then_202_delivers_once_after_honouring_Retry_After()
    {
        recorder.Respond = (n, _) => n == 0 ? (429, 1) : (202, null);
        var started = System.Diagnostics.Stopwatch.StartNew();

        NotifyResult result = await Notifier.SendAsync(await MailBatches.ReminderAsync(3), CancellationToken.None);

        result.Sent.Should().Be(3);
        recorder.Requests.Should().HaveCount(2);
        started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "Retry-After: 1 was honoured");
        (await Outbox.GetAsync(MailBatches.Cycle.CycleId, "reminder-2020-10-13", CancellationToken.None)).Values
            .Should().AllSatisfy(e => e.Status.Should().Be(OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_500_forever_is_recorded_as_failed_the_other_request_still_goes_out_and_a_rerun_sends_only_the_failed()
    {
        recorder.Respond = (_, body) => body.GetProperty("personalizations").GetArrayLength() == 1000 ? (500, null) : (202, null);
        MailBatch batch = await MailBatches.ReminderAsync(1500);

        NotifyResult first = await Notifier.SendAsync(batch, CancellationToken.None);

        first.Should().Be(new NotifyResult(Sent: 500, Skipped: 0, Failed: 1000, Rejected: 0));
        recorder.Requests.Should().HaveCount(3 + 1, "3 tries of the failing request, 1 of the other");
        IReadOnlyList<OutboxEntry> problems = await Outbox.ProblemsAsync(MailBatches.Cycle.CycleId, CancellationToken.None);
        problems.Should().HaveCount(1000).And.AllSatisfy(p => p.Error.Should().StartWith("SendGrid 500"));

        recorder.Respond = (_, _) => (202, null);
        NotifyResult rerun = await Notifier.SendAsync(batch, CancellationToken.None);

        rerun.Should().Be(new NotifyResult(Sent: 1000, Skipped: 500, Failed: 0, Rejected: 0));
        (await Outbox.ProblemsAsync(MailBatches.Cycle.CycleId, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_bad_address_is_rejected_alone_and_everyone_else_is_sent()
    {
        recorder.Respond = (_, body) => body.GetProperty("personalizations").EnumerateArray()
            .Any(p => p.GetProperty("to")[0].GetProperty("email").GetString() == "u00002@example.gov.cn") ? (400, null) : (202, null);

        NotifyResult result = await Notifier.SendAsync(await MailBatches.ReminderAsync(4), CancellationToken.None);

        result.Should().Be(new NotifyResult(Sent: 3, Skipped: 0, Failed: 0, Rejected: 1));
        OutboxEntry rejected = (await Outbox.ProblemsAsync(MailBatches.Cycle.CycleId, CancellationToken.None)).Single();
        rejected.RecipientKey.Should().Be("u00002");
        rejected.Status.Should().Be(OutboxStatus.Rejected);
        rejected.Error.Should().Contain("SendGrid 400");

        int before = recorder.Requests.Count;
        NotifyResult rerun = await Notifier.SendAsync(await MailBatches.ReminderAsync(4), CancellationToken.None);
        rerun.Should().Be(new NotifyResult(0, 4, 0, 0));
        recorder.Requests.Should().HaveCount(before, "a rejected address is not retried until someone fixes it");
    }

    [Fact]
    public async Task A_repeated_step_sends_nothing_twice()
    {
        MailBatch batch = await MailBatches.ReminderAsync(10);

        await Notifier.SendAsync(batch, CancellationToken.None);
        NotifyResult again = await Notifier.SendAsync(batch, CancellationToken.None);

        again.Should().Be(new NotifyResult(0, 10, 0, 0));
        recorder.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_recipient_whose_mail_exceeds_the_substitution_limit_gets_a_message_of_its_own()
    {
        string longList = string.Concat(Enumerable.Repeat("很长的任务名称", 800));
        MailBatch batch = await MailBatches.ReminderAsync(2);
        var big = batch.Recipients[1] with { Mail = batch.Recipients[1].Mail with { Html = batch.Recipients[1].Mail.Html + longList } };

        await Notifier.SendAsync(batch with { Recipients = [batch.Recipients[0], big] }, CancellationToken.None);

        JsonElement[] requests = [.. recorder.Requests];
        requests.Should().HaveCount(2);
        JsonElement alone = requests.Single(r => !r.GetProperty("personalizations")[0].TryGetProperty("substitutions", out _));
        alone.GetProperty("subject").GetString().Should().Be("【催报】2020年第三季度“六稳六保”落实情况 — 还差1项，10月14日截止");
        alone.GetProperty("content")[1].GetProperty("value").GetString().Should().Contain(longList);
    }

    [Fact]
    public async Task The_summary_carries_its_attachment_and_category()
    {
        MailBatch summary = new(MailBatches.Cycle.CycleId, "summary", MailKind.Summary, [new MailRecipient("summary-0", [new("市人民政府办公室", "szfb@example.gov.cn")], new RenderedMail("【季度汇总】", "<p>22项任务</p>", "22项任务"))], [new MailAttachment("汇总.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [1, 2, 3])]);

        await Notifier.SendAsync(summary, CancellationToken.None);

        JsonElement body = recorder.Requests.Single();
        body.GetProperty("categories")[0].GetString().Should().Be("summary");
        body.GetProperty("attachments")[0].GetProperty("filename").GetString().Should().Be("汇总.docx");
        body.GetProperty("attachments")[0].GetProperty("content").GetString().Should().Be("AQID");
    }
}
