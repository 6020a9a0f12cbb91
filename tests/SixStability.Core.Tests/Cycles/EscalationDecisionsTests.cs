using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Cycles;

public sealed class EscalationDecisionsTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    private static readonly CycleLookup Cycle = new(
        PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog,
        UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!);

    private static readonly CycleTick Level2 = new(DateTimeOffset.UtcNow, StepKind.Escalation, 2, Due, new DateTimeOffset(2020, 10, 19, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void A_leaders_office_robot_travels_with_the_leader_as_a_reader_of_the_escalation()
    {
        var mayorsGroup = new ChannelAddress(ChannelKind.DingTalk, "mayor_office", ["13900000003"]);
        UnitDirectory directory = Cycle.Directory with { Leaders = [.. Cycle.Directory.Leaders.Select(l => l.Id == "mayor" ? l with { Channels = [mayorsGroup] } : l)] };
        var cycle = new CycleLookup(Cycle.Plan, directory);
        Obligation[] late = [new("c", "lps", 21, false, ObligationState.Outstanding, Due), new("c", "rsj", 1, true, ObligationState.Outstanding, Due)];

        IReadOnlyList<EscalationReader> readers = EscalationDecisions.Offices(2, late, cycle, 2);

        readers.Single(r => r.Key == "leader-mayor").Contact.Channels.Should().Equal(mayorsGroup);
        readers.Where(r => r.Key != "leader-mayor").Should().OnlyContain(r => r.Contact.Channels == null);
    }

    [Fact]
    public void Only_what_is_still_owed_by_units_due_that_day_is_late()
    {
        Obligation[] all =
        [
            new("c", "rsj", 1, true, ObligationState.Outstanding, Due),
            new("c", "rsj", 2, true, ObligationState.Submitted, Due),
            new("c", "czj", 1, false, ObligationState.Draft, Due),
            new("c", "lps", 21, false, ObligationState.Outstanding, Due.AddDays(7)), // extended
        ];

        EscalationDecisions.Late(Level2, all).Select(o => (o.UnitId, o.TaskNumber)).Should().Equal(("rsj", 1), ("czj", 1));
    }

    [Fact]
    public void At_level_2_each_leader_hears_of_their_own_units_and_the_coordinator_of_all_but_not_yet_the_supervision_office()
    {
        Obligation[] late = [new("c", "rsj", 1, true, ObligationState.Outstanding, Due), new("c", "lps", 21, false, ObligationState.Outstanding, Due)];
        string rsjLeader = Cycle.FindUnit("rsj")!.Leader, lpsLeader = Cycle.FindUnit("lps")!.Leader;

        IReadOnlyList<EscalationReader> readers = EscalationDecisions.Offices(2, late, Cycle, 2);

        readers.Select(r => r.Key).Should().BeEquivalentTo(new[] { $"leader-{rsjLeader}", $"leader-{lpsLeader}", "coordinator" }.Distinct());
        readers.Single(r => r.Key == "coordinator").Late.Select(l => l.UnitName).Should().Equal("市人社局", "乐平市政府");
        readers.Single(r => r.Key == $"leader-{rsjLeader}").Late.Should().Contain(l => l.UnitName == "市人社局" && l.TaskTitle == "稳定就业岗位" && l.WorkingDaysLate == 2);
    }

    [Fact]
    public void At_the_last_level_the_supervision_office_hears_too_and_nobody_hears_of_nothing()
    {
        Obligation[] late = [new("c", "rsj", 1, true, ObligationState.Outstanding, Due)];

        EscalationDecisions.Offices(3, late, Cycle, 5).Select(r => r.Key).Should().Contain("supervision");
        EscalationDecisions.Offices(3, [], Cycle, 5).Should().BeEmpty();
    }

    [Fact]
    public void A_unit_that_left_the_directory_still_reads_by_its_id_and_a_task_that_left_the_plan_by_its_number()
    {
        Obligation[] late = [new("c", "gone", 99, false, ObligationState.Outstanding, Due)];

        LateItem item = EscalationDecisions.Items(late, Cycle, 1).Single();

        (item.UnitName, item.TaskTitle).Should().Be(("gone", "任务99"));
    }
}
