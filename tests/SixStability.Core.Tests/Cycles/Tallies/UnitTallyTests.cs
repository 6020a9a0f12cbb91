using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;

namespace SixStability.Core.Tests.Cycles.Tallies;

public sealed class UnitTallyTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    [Fact]
    public void A_units_tally_counts_states_lateness_and_levels_as_the_cycle_counts_do()
    {
        Obligation[] owned =
        [
            new("c", "flx", 1, true, ObligationState.Submitted, Due, Late: true),
            new("c", "flx", 2, false, ObligationState.Draft, Due, EscalationLevel: 1),
            new("c", "flx", 3, false, ObligationState.Outstanding, Due, EscalationLevel: 2),
            new("c", "flx", 4, false, ObligationState.Outstanding, Due, EscalationLevel: 3),
        ];

        UnitTally tally = UnitTally.Of([.. owned.Select(ObligationMark.Of)]);

        tally.Counts.Should().Be(CycleCounts.Of(owned));
        tally.Level.Should().Be(3);
        tally.NeedsAttention.Should().BeTrue();
    }

    [Fact]
    public void A_unit_with_everything_reported_on_time_needs_no_attention()
    {
        UnitTally tally = UnitTally.Of([new(1, ObligationState.Submitted, false, 0, Due, 1), new(2, ObligationState.Submitted, false, 0, Due, 2)]);

        tally.NeedsAttention.Should().BeFalse();
    }

    [Fact]
    public void A_unit_that_reported_everything_but_late_still_needs_attention()
    {
        UnitTally tally = UnitTally.Of([new(1, ObligationState.Submitted, true, 0, Due, 1)]);

        tally.NeedsAttention.Should().BeTrue();
    }

    [Fact]
    public void An_extended_unit_keeps_every_due_day_its_tasks_carry_and_its_earliest_as_its_due()
    {
        var extended = new DateOnly(2020, 10, 20);

        UnitTally tally = UnitTally.Of([new(1, ObligationState.Submitted, false, 0, Due, 1), new(2, ObligationState.Outstanding, false, 0, extended, 1)]);

        tally.Dues.Should().Equal(Due, extended);
        tally.Due.Should().Be(Due);
    }

    [Fact]
    public void The_cycles_total_is_the_sum_of_its_units_and_equals_counting_every_obligation()
    {
        var random = new Random(18);
        List<Obligation> all = [.. Enumerable.Range(0, 300).Select(i => new Obligation(
            "c",
            $"u{i % 23}",
            i / 23,
            false,
            (ObligationState)random.Next(3),
            Due.AddDays(random.Next(2)),
            EscalationLevel: random.Next(5),
            Late: random.Next(4) == 0))];

        CycleCounts total = UnitTally.Total(all.GroupBy(o => o.UnitId).Select(g => UnitTally.Of([.. g.Select(ObligationMark.Of)])));

        total.Should().Be(CycleCounts.Of(all));
    }

    [Fact]
    public void A_units_tally_keeps_each_tasks_board_state_in_task_order()
    {
        UnitTally tally = UnitTally.Of([new(5, ObligationState.Outstanding, false, 2, Due, 1), new(1, ObligationState.Submitted, true, 0, Due, 3), new(3, ObligationState.Draft, false, 0, Due, 2)]);

        tally.Tasks.Should().Equal(new TaskStanding(1, BoardState.Submitted), new TaskStanding(3, BoardState.Draft), new TaskStanding(5, BoardState.Outstanding));
    }

    [Fact]
    public void A_unit_owes_at_least_one_task()
    {
        Action empty = () => UnitTally.Of([]);

        empty.Should().Throw<ArgumentException>();
    }
}
