using BenchmarkDotNet.Attributes;
using SendGrid.Helpers.Mail;
using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Infrastructure.Notifications;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Rendering;

namespace SixStability.Bench;

/// <summary>A reminder step to 20,000 units: how many SendGrid requests, and how long building them takes.</summary>
[MemoryDiagnoser]
public class SendGridRequestsBenchmark
{
    private MailBatch batch = null!;

    [Params(20_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cycle = new CycleFacts("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Quarter.Parse("2020Q3"), new Contact("市发改委", "fgw@example.gov.cn"));
        using var html = new HtmlComposer();
        batch = new MailComposer(html).ReminderAsync(cycle, "reminder-2020-10-13", Enumerable.Range(1, Units).Select(i => new UnitNotice(
            new Unit($"u{i:D5}", $"单位{i}", UnitKind.Department, $"u{i:D5}@example.gov.cn", "vm"),
            [new OwedTask(1, "稳定就业岗位", new DateOnly(2020, 10, 14), 1), new OwedTask(6, "大力提升公共服务水平", new DateOnly(2020, 10, 14), 1)],
            new Uri($"https://lwlb.example.gov.cn/u?t={new string('x', 120)}{i}")))).GetAwaiter().GetResult();
    }

    /// <summary>Builds the requests and serializes each body, as the client does before posting.</summary>
    [Benchmark]
    public int BuildAndSerialize()
    {
        int bytes = 0;
        foreach ((SendGridMessage message, _) in SendGridRequests.Build(batch, batch.Recipients, new EmailAddress("lwlb@example.gov.cn"), 1000))
        {
            bytes += message.Serialize().Length;
        }

        return bytes;
    }
}
