using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Rendering;

namespace SixStability.Integration.Tests.Notifications;

internal static class MailBatches
{
    public static readonly CycleFacts Cycle = new("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Quarter.Parse("2020Q3"), new Contact("市发改委", "fgw@example.gov.cn"));

    public static Unit Unit(int i) => new($"u{i:D5}", $"单位{i}", UnitKind.Department, $"u{i:D5}@example.gov.cn", "vm");

    public static readonly MailComposer Composer = new(new HtmlComposer());

    public static Task<MailBatch> ReminderAsync(int units, string step = "reminder-2020-10-13") =>
        Composer.ReminderAsync(Cycle, step, Enumerable.Range(1, units).Select(i =>
            new UnitNotice(Unit(i), [new OwedTask(1, "稳定就业岗位", new DateOnly(2020, 10, 14), 1)], new Uri($"http://localhost:7071/u?t=token{i}"))));
}
