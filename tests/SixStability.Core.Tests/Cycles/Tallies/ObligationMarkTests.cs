using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;

namespace SixStability.Core.Tests.Cycles.Tallies;

public sealed class ObligationMarkTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    [Fact]
    public void A_newer_revision_replaces_the_tasks_mark_and_other_tasks_keep_theirs()
    {
        ObligationMark[] held = [new(1, ObligationState.Outstanding, false, 0, Due, 0), new(2, ObligationState.Draft, false, 0, Due, 3)];

        IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(held, [new(1, ObligationState.Submitted, true, 0, Due, 1)]);

        merged.Should().Equal(new ObligationMark(1, ObligationState.Submitted, true, 0, Due, 1), held[1]);
    }

    [Fact]
    public void An_older_mark_arriving_after_a_newer_one_changes_nothing()
    {
        ObligationMark[] held = [new(4, ObligationState.Submitted, false, 1, Due, 5)];

        IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(held, [new(4, ObligationState.Outstanding, false, 1, Due, 4), new(4, ObligationState.Draft, false, 1, Due, 5)]);

        merged.Should().Equal(held);
    }

    [Fact]
    public void Marks_come_back_ordered_by_task_whatever_order_they_arrive_in()
    {
        IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(
            [new(12, ObligationState.Outstanding, false, 0, Due, 0)],
            [new(3, ObligationState.Outstanding, false, 0, Due, 0), new(7, ObligationState.Outstanding, false, 0, Due, 0)]);

        merged.Select(m => m.Task).Should().Equal(3, 7, 12);
    }

    [Fact]
    public void A_mark_carries_what_the_board_shows_of_its_obligation()
    {
        var obligation = new Obligation("c", "rsj", 6, true, ObligationState.Draft, Due, EscalationLevel: 2, Late: false, Revision: 9);

        ObligationMark.Of(obligation).Should().Be(new ObligationMark(6, ObligationState.Draft, false, 2, Due, 9));
    }
}
