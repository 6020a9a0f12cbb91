using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>
/// The orchestration itself paces the robots: what exceeds a robot's allowance after a step waits in the outbox and
/// goes on the orchestration's durable timers. The allowance is shrunk to 2 messages per 2 seconds, so a whole
/// cycle shows it in seconds; the rule is the same as for 20 a minute.
/// </summary>
public sealed class CycleRobotTests
{
    private static readonly PacePolicy TwoPerTwoSeconds = new(2, TimeSpan.FromSeconds(2));

    [Fact]
    public async Task Messages_beyond_a_robots_allowance_go_out_on_durable_timers_each_once_within_the_allowance()
    {
        await using RobotRecorder recorder = await RobotRecorder.StartAsync();
        recorder.WeComKeys["key-counties"] = "county_group";
        await using CycleHost host = await CycleHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Channels:WeCom:Host"] = recorder.WeComHost,
                ["Channels:WeCom:Robots:county_group"] = "key-counties",
                ["Channels:Pace:Messages"] = "2",
                ["Channels:Pace:Window"] = "00:00:02",
                ["Channels:FirstBackoff"] = "00:00:00.010",
            },
            d => d with { Units = [.. d.Units.Select(u => u with { Channels = [new ChannelAddress(ChannelKind.WeCom, "county_group")] })] });
        CycleInput input = CycleHost.Demo("2020Q4", secondsPerDay: 1.5);

        await host.StartAsync(input);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId, seconds: 180);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        IReadOnlyList<SentMail> toUnits = [.. host.Mailer.For(input.CycleId).Where(m => m.Kind is MailKind.Reminder or MailKind.Escalation && m.RecipientKey is "rsj" or "czj" or "lps" or "flx")];
        toUnits.Should().HaveCount(6 * 4, "nobody reports: 3 reminders and 3 escalation levels to each of the 4 units");
        recorder.Accepted.Should().HaveCount(toUnits.Count, "each of those also reached the county group, once");
        recorder.Requests.Should().HaveCount(toUnits.Count, "never too fast, so never refused");
        RobotPace.Respects(recorder.Accepted.Select(r => r.At), TwoPerTwoSeconds).Should().BeTrue("no 2 seconds held more than 2 messages");
        (await host.Services.GetRequiredService<IMailOutbox>().ProblemsAsync(input.CycleId, CancellationToken.None)).Should().BeEmpty("nothing is left waiting or failed");
    }
}
