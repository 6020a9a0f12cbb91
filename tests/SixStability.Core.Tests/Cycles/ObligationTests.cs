using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Cycles;

public sealed class ObligationTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;

    private static readonly PlanCatalog Seed = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;

    private static readonly DateOnly Due = new(2020, 10, 14);

    [Fact]
    public void Opening_the_seed_plan_makes_one_obligation_per_task_and_unit_with_groups_expanded()
    {
        IReadOnlyList<Obligation> all = ObligationPlanner.Open("jingdezhen-2020Q3", Seed, Directory, Due).Value!;

        all.Select(o => (o.TaskNumber, o.UnitId)).Should().OnlyHaveUniqueItems();
        all.Where(o => o.TaskNumber == 8).Should().HaveCount(16, "8 departments, 4 county governments, 4 park committees");
        all.Where(o => o.IsLead).Should().HaveCount(22, "one lead unit per task");
        all.Single(o => o.TaskNumber == 1 && o.IsLead).UnitId.Should().Be("rsj");
        all.Should().OnlyContain(o => o.State == ObligationState.Outstanding && o.Due == Due);
        all.Select(o => o.UnitId).Distinct().Should().HaveCount(43, "every unit of the sample directory is named somewhere");
    }

    [Fact]
    public void A_submission_after_the_due_day_is_accepted_and_marked_late()
    {
        var o = new Obligation("c", "rsj", 1, true, ObligationState.Outstanding, Due);

        o.Submit(DateTimeOffset.UtcNow, Due).Late.Should().BeFalse();
        o.Submit(DateTimeOffset.UtcNow, Due.AddDays(1)).Should().Match<Obligation>(x => x.Late && x.State == ObligationState.Submitted && !x.IsOwed);
    }

    [Fact]
    public void A_returned_submission_is_owed_again_with_its_reason()
    {
        Obligation submitted = new Obligation("c", "rsj", 1, true, ObligationState.Outstanding, Due).Submit(DateTimeOffset.UtcNow, Due);

        Obligation returned = submitted.Return("请补充新增就业人数").Value!;
        Outcome<Obligation> again = returned.Return("再退一次");

        returned.IsOwed.Should().BeTrue();
        returned.ReturnReason.Should().Be("请补充新增就业人数");
        again.Kind.Should().Be(OutcomeKind.Conflict);
        again.Message.Should().Be("该任务尚未报送，无需退回。");
    }

    [Fact]
    public void Escalation_keeps_the_highest_level()
    {
        var o = new Obligation("c", "rsj", 1, true, ObligationState.Outstanding, Due);

        o.Escalate(2).Escalate(1).EscalationLevel.Should().Be(2);
    }

    [Fact]
    public void Accepting_a_submission_marks_it_reviewed_and_a_second_accept_keeps_the_first_time()
    {
        var first = new DateTimeOffset(2020, 10, 15, 9, 0, 0, TimeSpan.FromHours(8));
        Obligation submitted = new Obligation("c", "rsj", 1, true, ObligationState.Outstanding, Due).Submit(first, Due);

        Obligation accepted = submitted.Accept(first).Value!;
        Obligation again = accepted.Accept(first.AddHours(1)).Value!;

        accepted.IsAccepted.Should().BeTrue();
        again.AcceptedAt.Should().Be(first);
        accepted.IsOwed.Should().BeFalse();
    }

    [Fact]
    public void An_unsubmitted_obligation_cannot_be_accepted()
    {
        var o = new Obligation("c", "rsj", 1, true, ObligationState.Draft, Due);

        Outcome<Obligation> accepted = o.Accept(DateTimeOffset.UnixEpoch);

        accepted.Kind.Should().Be(OutcomeKind.Conflict);
        accepted.Message.Should().Be(Obligation.NothingToAccept);
    }

    [Fact]
    public void A_return_or_a_new_submission_clears_the_acceptance()
    {
        Obligation accepted = new Obligation("c", "rsj", 1, true, ObligationState.Outstanding, Due)
            .Submit(DateTimeOffset.UnixEpoch, Due).Accept(DateTimeOffset.UnixEpoch).Value!;

        accepted.Return("数据不全").Value!.AcceptedAt.Should().BeNull();
        accepted.Submit(DateTimeOffset.UnixEpoch.AddDays(1), Due).IsAccepted.Should().BeFalse();
    }

    [Fact]
    public void Each_level_adds_its_readers()
    {
        StepDecisions.Audience(1).Should().Be(new EscalationAudience(Leader: false, SupervisionOffice: false, Coordinator: true));
        StepDecisions.Audience(2).Should().Be(new EscalationAudience(Leader: true, SupervisionOffice: false, Coordinator: true));
        StepDecisions.Audience(3).Should().Be(new EscalationAudience(Leader: true, SupervisionOffice: true, Coordinator: true));
    }

    [Theory]
    [InlineData("jingdezhen-2020Q3", true, "jingdezhen", "2020Q3")]
    [InlineData("a-b-2021Q1", true, "a-b", "2021Q1")]
    [InlineData("jingdezhen-2020Q5", false, "", "")]
    [InlineData("2020Q3", false, "", "")]
    [InlineData("Bad-2020Q3", false, "", "")]
    public void Cycle_ids_are_plan_and_quarter(string id, bool valid, string plan, string quarter)
    {
        CycleIds.TryParse(id, out string planId, out var q).Should().Be(valid);
        if (valid)
        {
            planId.Should().Be(plan);
            q.ToString().Should().Be(quarter);
        }
    }
}
