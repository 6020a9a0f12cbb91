using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Reviews;

public sealed class ReviewUseCaseTests
{
    [Fact]
    public async Task A_returned_report_is_owed_again_and_the_unit_is_mailed_the_reason()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展", ReportedFigures.OnTrack), Draft: false), CancellationToken.None);

        Outcome<Obligation> returned = await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, "请补充新增就业人数", Workbench.Coordinator), CancellationToken.None);

        returned.Value!.IsOwed.Should().BeTrue();
        (MailBatch batch, MailRecipient mail) = bench.Mailer.Sent.Single();
        batch.Kind.Should().Be(MailKind.Returned);
        mail.Key.Should().Be("rsj");
        mail.Mail.Text.Should().Contain("请补充新增就业人数").And.Contain("（一）稳定就业岗位");
    }

    [Fact]
    public async Task A_report_not_submitted_cannot_be_returned_and_a_return_needs_a_reason()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        ReturnSubmissionUseCase returns = bench.Get<ReturnSubmissionUseCase>();

        Outcome<Obligation> notSubmitted = await returns.RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, "理由", Workbench.Coordinator), CancellationToken.None);
        Outcome<Obligation> noReason = await returns.RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, " ", Workbench.Coordinator), CancellationToken.None);

        notSubmitted.Kind.Should().Be(OutcomeKind.Conflict);
        noReason.Kind.Should().Be(OutcomeKind.Refused);
        noReason.Errors.Single().Field.Should().Be("reason");
        bench.Mailer.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task An_approved_request_is_sent_to_the_cycle_and_a_refused_one_is_mailed_to_the_unit()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        RequestExtensionUseCase ask = bench.Get<RequestExtensionUseCase>();
        DecideExtensionUseCase decide = bench.Get<DecideExtensionUseCase>();
        await ask.RunAsync(new RequestExtensionCommand(Workbench.CycleId, "rsj", new DateOnly(2020, 10, 20), "防汛"), CancellationToken.None);
        await ask.RunAsync(new RequestExtensionCommand(Workbench.CycleId, "czj", new DateOnly(2020, 10, 21), "人手不足"), CancellationToken.None);

        Outcome<ExtensionRequest> approved = await decide.RunAsync(new DecideExtensionCommand(Workbench.CycleId, "rsj", true, null, Workbench.Coordinator), bench.Engine, CancellationToken.None);
        Outcome<ExtensionRequest> refused = await decide.RunAsync(new DecideExtensionCommand(Workbench.CycleId, "czj", false, "理由不充分", Workbench.Coordinator), bench.Engine, CancellationToken.None);
        Outcome<ExtensionRequest> twice = await decide.RunAsync(new DecideExtensionCommand(Workbench.CycleId, "czj", true, null, Workbench.Coordinator), bench.Engine, CancellationToken.None);

        approved.Value!.State.Should().Be(ExtensionRequestState.Approved);
        bench.Engine.Raised.Should().ContainSingle().Which.Command.Should().Be(new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(2020, 10, 20), "防汛"));
        refused.Value!.State.Should().Be(ExtensionRequestState.Refused);
        bench.Mailer.Sent.Single().Recipient.Mail.Text.Should().Contain("未获同意").And.Contain("理由不充分");
        twice.Kind.Should().Be(OutcomeKind.NotFound);
    }

    [Fact]
    public async Task An_approval_whose_date_has_passed_by_the_day_of_decision_is_refused_by_the_same_rule()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(Workbench.CycleId, "rsj", new DateOnly(2020, 10, 15), "防汛"), CancellationToken.None);
        bench.Clock.Advance(TimeSpan.FromDays(5));

        Outcome<ExtensionRequest> late = await bench.Get<DecideExtensionUseCase>().RunAsync(new DecideExtensionCommand(Workbench.CycleId, "rsj", true, null, Workbench.Coordinator), bench.Engine, CancellationToken.None);

        late.Kind.Should().Be(OutcomeKind.Refused);
        late.Errors.Single().Field.Should().Be("due");
        bench.Engine.Raised.Should().BeEmpty();
    }
}
