using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SixStability.Infrastructure.Notifications;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Notifications;

public sealed class SmtpAndSinkMailerTests
{
    [Fact]
    public async Task The_SMTP_adapter_delivers_each_unit_its_own_rendered_mail()
    {
        await using var sink = new SmtpSink();
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Tls"] = "None", // the in-test relay offers no STARTTLS
        });

        NotifyResult result = await services.GetRequiredService<Notifier>().SendAsync(await MailBatches.ReminderAsync(3), CancellationToken.None);

        result.Sent.Should().Be(3);
        sink.Messages.Should().HaveCount(3);
        MimeMessage first = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sink.Messages.First().Data)));
        first.Subject.Should().Be("【催报】2020年第三季度“六稳六保”落实情况 — 还差1项，10月14日截止");
        first.TextBody.Should().StartWith("单位1：");
        first.HtmlBody.Should().Contain("<a href=\"http://localhost:7071/u?t=token1\"");
        first.Headers["X-SixStability-Unit"].Should().Be("u00001");
        sink.Messages.Select(m => m.To.Single()).Should().Equal("u00001@example.gov.cn", "u00002@example.gov.cn", "u00003@example.gov.cn");
    }

    [Fact]
    public async Task A_mailbox_the_relay_refuses_is_rejected_and_the_others_are_delivered()
    {
        await using var sink = new SmtpSink();
        sink.Refuse.Add("u00002@example.gov.cn");
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Tls"] = "None", // the in-test relay offers no STARTTLS
        });

        NotifyResult result = await services.GetRequiredService<Notifier>().SendAsync(await MailBatches.ReminderAsync(3), CancellationToken.None);

        result.Should().Be(new NotifyResult(2, 0, 0, 1));
        sink.Messages.Should().HaveCount(2);
        (await services.GetRequiredService<IMailOutbox>().ProblemsAsync(MailBatches.Cycle.CycleId, CancellationToken.None))
            .Single().Error.Should().Contain("550");
    }

    [Fact]
    public async Task SMTP_defaults_to_port_587_with_STARTTLS()
    {
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?> { ["Mail:Provider"] = "Smtp", ["Smtp:Host"] = "relay.example.gov.cn" });

        MailOptions options = services.GetRequiredService<IOptions<MailOptions>>().Value;

        options.SmtpPort.Should().Be(587);
        options.SmtpTls.Should().Be(SmtpTls.StartTls);
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("SslOnConnect")]
    public async Task A_relay_without_TLS_gets_nothing_in_clear_when_TLS_is_required(string tls)
    {
        await using var sink = new SmtpSink { OfferAuth = true };
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Tls"] = tls,
            ["Smtp:User"] = "lwlb",
            ["Smtp:Password"] = "not-to-be-sent-in-clear",
        });

        NotifyResult result = await services.GetRequiredService<Notifier>().SendAsync(await MailBatches.ReminderAsync(2), CancellationToken.None);

        result.Should().Be(new NotifyResult(0, 0, 2, 0), "the step fails and is retried later; nothing was sent");
        sink.Messages.Should().BeEmpty();
        sink.Commands.Should().NotContain(c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase), "the password never crosses an unencrypted connection");
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_fails_the_step_for_a_later_retry()
    {
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "1",
        });

        NotifyResult result = await services.GetRequiredService<Notifier>().SendAsync(await MailBatches.ReminderAsync(2), CancellationToken.None);

        result.Should().Be(new NotifyResult(0, 0, 2, 0));
    }

    [Fact]
    public async Task The_development_sink_writes_readable_eml_files()
    {
        string folder = Directory.CreateTempSubdirectory("mail").FullName;
        try
        {
            await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>
            {
                ["Mail:Provider"] = "Sink",
                ["Mail:SinkPath"] = folder,
            });

            await services.GetRequiredService<Notifier>().SendAsync(await MailBatches.ReminderAsync(2), CancellationToken.None);

            string[] files = Directory.GetFiles(folder, "*.eml");
            files.Should().HaveCount(2);
            MimeMessage mail = await MimeMessage.LoadAsync(files.Order(StringComparer.Ordinal).First());
            mail.Subject.Should().StartWith("【催报】");
            mail.Headers["X-SixStability-Category"].Should().Be("reminder");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
