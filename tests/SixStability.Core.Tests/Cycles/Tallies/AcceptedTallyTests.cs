using System.Text.Json;
using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;

namespace SixStability.Core.Tests.Cycles.Tallies;

/// <summary>已审核 in the marks and counts: set by an acceptance, gone again after a return or a new submission.</summary>
public sealed class AcceptedTallyTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);
    private static readonly DateTimeOffset At = new(2020, 10, 12, 2, 0, 0, TimeSpan.Zero);

    private static Obligation Submitted(int task) => new Obligation("c", "rsj", task, true, ObligationState.Outstanding, Due).Submit(At, Due.AddDays(-2));

    [Fact]
    public void An_accepted_submission_is_counted_accepted_in_its_mark_its_units_tally_and_the_cycle_counts()
    {
        Obligation[] owned = [Submitted(1).Accept(At.AddHours(1)).Value!, Submitted(2), new("c", "rsj", 3, true, ObligationState.Outstanding, Due)];

        ObligationMark[] marks = [.. owned.Select(ObligationMark.Of)];
        UnitTally tally = UnitTally.Of(marks);

        marks.Select(m => m.Accepted).Should().Equal(true, false, false);
        tally.Counts.Accepted.Should().Be(1);
        tally.Counts.Submitted.Should().Be(2);
        tally.Counts.Should().Be(CycleCounts.Of(owned));
    }

    [Fact]
    public void A_return_or_a_resubmission_clears_the_acceptance_from_the_mark_and_the_counts()
    {
        Obligation accepted = Submitted(1).Accept(At.AddHours(1)).Value!;

        Obligation returned = accepted.Return("请补充数据").Value!;
        Obligation resubmitted = accepted.Submit(At.AddHours(2), Due);

        ObligationMark.Of(returned).Accepted.Should().BeFalse();
        ObligationMark.Of(resubmitted).Accepted.Should().BeFalse();
        UnitTally.Of([ObligationMark.Of(returned)]).Counts.Accepted.Should().Be(0);
        CycleCounts.Of([returned, resubmitted]).Accepted.Should().Be(0);
    }

    [Fact]
    public void The_newer_mark_wins_so_a_late_arriving_accepted_mark_does_not_undo_a_return()
    {
        Obligation accepted = Submitted(1) with { Revision = 2 };
        accepted = accepted.Accept(At).Value! with { Revision = 3 };
        Obligation returned = accepted.Return("理由").Value! with { Revision = 4 };

        IReadOnlyList<ObligationMark> merged = ObligationMark.Merge([ObligationMark.Of(returned)], [ObligationMark.Of(accepted)]);

        merged.Single().Accepted.Should().BeFalse();
        merged.Single().IsOwed.Should().BeTrue();
    }

    [Fact]
    public void Counts_add_their_accepted_reports()
    {
        var one = new CycleCounts(2, 0, 2, 0, 0, 0, 0, 1);
        var two = new CycleCounts(3, 1, 2, 0, 0, 0, 0, 2);

        one.Plus(two).Accepted.Should().Be(3);
    }

    [Fact]
    public void Counts_recorded_before_acceptance_existed_read_and_write_back_the_same_json()
    {
        const string recorded = """{"Obligations":195,"Owed":194,"Submitted":1,"Late":0,"Level1":0,"Level2":0,"Level3":0}""";

        CycleCounts read = JsonSerializer.Deserialize<CycleCounts>(recorded)!;

        read.Accepted.Should().Be(0);
        JsonSerializer.Serialize(read).Should().Be(recorded);
        JsonSerializer.Serialize(read with { Accepted = 2 }).Should().EndWith(""","Accepted":2}""");
    }
}
