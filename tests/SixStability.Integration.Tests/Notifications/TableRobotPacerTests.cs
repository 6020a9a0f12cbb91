using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixStability.Core.Units;
using SixStability.Infrastructure;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Notifications;

/// <summary>Each robot's allowance in Table Storage (Azurite), taken by racing takers as activities on several instances would.</summary>
public sealed class TableRobotPacerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly FakeTimeProvider clock = new(T0);
    private ServiceProvider services = null!;

    private IRobotPacer Pacer => services.GetRequiredService<IRobotPacer>();

    public async Task InitializeAsync()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..12],
        }).Build();
        services = new ServiceCollection().AddLogging().AddSixStability(configuration).AddSingleton<TimeProvider>(clock).BuildServiceProvider();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Eight_racing_takers_share_exactly_20_sends_of_a_robot_in_a_minute_and_20_more_the_next()
    {
        int first = await TakeAllAsync("city_wecom", takers: 8);
        clock.Advance(TimeSpan.FromSeconds(59));
        PaceGrant early = await Pacer.TryTakeAsync(ChannelKind.WeCom, "city_wecom", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        int second = await TakeAllAsync("city_wecom", takers: 8);

        first.Should().Be(20);
        early.Granted.Should().BeFalse();
        early.NextFree.Should().Be(T0.AddMinutes(1));
        second.Should().Be(20);
        (await Pacer.TryTakeAsync(ChannelKind.DingTalk, "city_wecom", CancellationToken.None)).Granted.Should().BeTrue("a DingTalk robot of the same name is another robot");
    }

    [Fact]
    public async Task A_send_that_ends_late_keeps_its_slot_a_whole_minute_from_its_end()
    {
        await TakeAllAsync("slow", takers: 1);
        PaceGrant slow = await Pacer.TryTakeAsync(ChannelKind.WeCom, "slow", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await ReleaseOneAsync("slow");

        clock.Advance(TimeSpan.FromSeconds(30));
        int afterAMinute = await TakeAllAsync("slow", takers: 1);
        clock.Advance(TimeSpan.FromSeconds(30));
        PaceGrant afterItsEnd = await Pacer.TryTakeAsync(ChannelKind.WeCom, "slow", CancellationToken.None);

        slow.Granted.Should().BeFalse("all 20 were taken at once");
        afterAMinute.Should().Be(19, "the slot whose send ended 30 s late is not free yet");
        afterItsEnd.Granted.Should().BeTrue();
    }

    [Fact]
    public async Task A_robot_held_after_too_fast_gives_nothing_until_its_hold_ends()
    {
        await Pacer.HoldAsync(ChannelKind.DingTalk, "fgw", T0.AddMinutes(10), CancellationToken.None);

        PaceGrant held = await Pacer.TryTakeAsync(ChannelKind.DingTalk, "fgw", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        PaceGrant after = await Pacer.TryTakeAsync(ChannelKind.DingTalk, "fgw", CancellationToken.None);

        held.Should().Be(new PaceGrant(ChannelKind.DingTalk, "fgw", null, T0.AddMinutes(10)));
        after.Granted.Should().BeTrue();
    }

    private readonly List<PaceGrant> granted = [];

    /// <summary>Takers race until the robot's allowance is gone (a lost race is tried again, as the dispatcher's next pass would).</summary>
    private async Task<int> TakeAllAsync(string robot, int takers)
    {
        int[] counts = await Task.WhenAll(Enumerable.Range(0, takers).Select(async _ =>
        {
            int mine = 0;
            while (true)
            {
                PaceGrant grant = await Pacer.TryTakeAsync(ChannelKind.WeCom, robot, CancellationToken.None);
                if (grant.Granted)
                {
                    mine++;
                    lock (granted)
                    {
                        granted.Add(grant);
                    }
                }
                else if (grant.NextFree > clock.GetUtcNow().AddSeconds(1))
                {
                    return mine;
                }
            }
        }));
        return counts.Sum();
    }

    private async Task ReleaseOneAsync(string robot)
    {
        PaceGrant grant = granted.First(g => g.Robot == robot);
        await Pacer.ReleaseAsync(grant, CancellationToken.None);
    }
}
