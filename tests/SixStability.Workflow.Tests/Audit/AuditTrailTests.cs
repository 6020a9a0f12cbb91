using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;
using SixStability.Workflow.Units;

namespace SixStability.Workflow.Tests.Audit;

/// <summary>Each use case where a person or key acts records one row, with the actor and what it changed; a refusal records none.</summary>
public sealed class AuditTrailTests
{
    private static readonly Actor Key = Actor.Key("198.51.100.4");

    /// <summary>Runs <paramref name="act"/> and returns the one row it appended (failing if it appended none or several).</summary>
    private static async Task<AuditEntry> OneRowAsync(Workbench bench, Func<Task> act)
    {
        int before = bench.Audit.Rows.Count;
        await act();
        bench.Audit.Rows.Should().HaveCount(before + 1, "one action, one row");
        return bench.Audit.Rows[^1];
    }

    [Fact]
    public async Task Every_coordinator_action_records_one_row_with_the_actor_and_what_it_changed()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        Actor me = Workbench.Coordinator;

        AuditEntry plan = await OneRowAsync(bench, () => bench.Get<ImportPlanUseCase>().RunAsync(new ImportPlanCommand("jingdezhen", Samples.Read("jingdezhen.txt"), IsJson: false, "\"v1\"", me), CancellationToken.None));
        AuditEntry directory = await OneRowAsync(bench, () => bench.Get<ReplaceDirectoryUseCase>().RunAsync(new ReplaceDirectoryCommand(Samples.Read("directory.json"), null, Key), CancellationToken.None));
        AuditEntry start = await OneRowAsync(bench, () => bench.Get<StartCycleUseCase>().RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), me, bench.Engine, CancellationToken.None));
        AuditEntry again = await OneRowAsync(bench, () => bench.Get<StartCycleUseCase>().RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), me, bench.Engine, CancellationToken.None));
        await bench.OpenCycleAsync();
        CycleCommandUseCase commands = bench.Get<CycleCommandUseCase>();
        AuditEntry extend = await OneRowAsync(bench, () => commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(2020, 10, 20), "防汛"), me, bench.Engine, CancellationToken.None));
        await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "czj", 1, new SubmissionForm("进展", ReportedFigures.OnTrack), Draft: false), CancellationToken.None);
        AuditEntry returned = await OneRowAsync(bench, () => bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "czj", 1, "请补充数据", me), CancellationToken.None));
        await bench.Get<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(Workbench.CycleId, "czj", new DateOnly(2020, 10, 21), "人手不足"), CancellationToken.None);
        AuditEntry decided = await OneRowAsync(bench, () => bench.Get<DecideExtensionUseCase>().RunAsync(new DecideExtensionCommand(Workbench.CycleId, "czj", false, "理由不充分", me), bench.Engine, CancellationToken.None));
        AuditEntry close = await OneRowAsync(bench, () => commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Close), me, bench.Engine, CancellationToken.None));
        AuditEntry cancel = await OneRowAsync(bench, () => commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Cancel), Key, bench.Engine, CancellationToken.None));
        Obligation czj = (await bench.Obligations.ListUnitAsync(Workbench.CycleId, "czj", CancellationToken.None)).Single(o => o.TaskNumber == 1);

        plan.Should().BeEquivalentTo(new { Action = AuditAction.ImportPlan, ActorId = "coordinator", Roles = "协调员", ActorKind = ActorKind.Person, CycleId = (string?)null, Subject = "jingdezhen", Before = "第 1 版", After = "第 2 版", ClientIp = "127.0.0.1" });
        directory.Should().BeEquivalentTo(new { Action = AuditAction.ReplaceDirectory, ActorId = Actor.KeyId, ActorName = "管理员密钥", ActorKind = ActorKind.Key, Before = "第 1 版", After = "第 2 版", ClientIp = "198.51.100.4" });
        start.Should().BeEquivalentTo(new { Action = AuditAction.StartCycle, CycleId = Workbench.CycleId, Subject = "jingdezhen", After = Workbench.CycleId, Detail = "新周期" });
        again.Detail.Should().Be("周期已存在，未重复启动", "a person's second start is still their action");
        // 市人社局 also assists on tasks others lead, and a co-unit is due a working day before the lead (Cycle:CoUnitDueDays).
        extend.Should().BeEquivalentTo(new { Action = AuditAction.ExtendCycle, CycleId = Workbench.CycleId, Subject = "市人社局（rsj）", Before = "2020-10-13", After = "2020-10-20", Detail = "防汛" });
        returned.Should().BeEquivalentTo(new { Action = AuditAction.ReturnSubmission, Subject = "市财政局（czj）任务1", Before = $"第 {czj.Revision - 1} 版", After = $"第 {czj.Revision} 版", Detail = "请补充数据" });
        decided.Should().BeEquivalentTo(new { Action = AuditAction.DecideExtension, Subject = "市财政局（czj）", Before = "待审批（申请延期至 2020-10-21）", After = "不同意", Detail = "理由不充分" });
        close.Should().BeEquivalentTo(new { Action = AuditAction.CloseCycle, Subject = Workbench.CycleId, Before = "进行中", After = "关闭" });
        cancel.Should().BeEquivalentTo(new { Action = AuditAction.CancelCycle, ActorId = Actor.KeyId, After = "取消" });
        bench.Audit.Rows.Select(r => r.At).Should().OnlyContain(at => at == bench.Now);
    }

    [Fact]
    public async Task Resuming_a_stopped_cycle_records_who_resumed_it_and_from_what_state()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync(); // opened, but no orchestration runs it: it can be resumed

        AuditEntry resumed = await OneRowAsync(bench, () => bench.Get<ResumeCycleUseCase>().RunAsync(Workbench.CycleId, Workbench.Coordinator, bench.Engine, CancellationToken.None));

        resumed.Should().BeEquivalentTo(new { Action = AuditAction.ResumeCycle, CycleId = Workbench.CycleId, Before = "无运行实例", After = "运行中" });
    }

    [Fact]
    public async Task A_refused_action_records_nothing()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.Get<StartCycleUseCase>().RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), Workbench.Coordinator, bench.Engine, CancellationToken.None);
        await bench.OpenCycleAsync();
        int rows = bench.Audit.Rows.Count;

        Outcome<PlanStored> stale = await bench.Get<ImportPlanUseCase>().RunAsync(new ImportPlanCommand("jingdezhen", Samples.Read("jingdezhen.txt"), IsJson: false, "\"v0\"", Workbench.Coordinator), CancellationToken.None);
        Outcome<CycleCommand> early = await bench.Get<CycleCommandUseCase>().RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(2020, 10, 13)), Workbench.Coordinator, bench.Engine, CancellationToken.None);
        Outcome<Obligation> nothing = await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, "理由", Workbench.Coordinator), CancellationToken.None);
        Outcome<CycleStarted> running = await bench.Get<ResumeCycleUseCase>().RunAsync(Workbench.CycleId, Workbench.Coordinator, bench.Engine, CancellationToken.None);

        new[] { stale.Kind, early.Kind, nothing.Kind, running.Kind }.Should().Equal(OutcomeKind.Conflict, OutcomeKind.Refused, OutcomeKind.Conflict, OutcomeKind.Conflict);
        bench.Audit.Rows.Should().HaveCount(rows);
    }

    [Fact]
    public async Task The_daily_timer_records_the_cycle_it_starts_but_not_each_day_it_finds_it_started()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        StartCycleUseCase start = bench.Get<StartCycleUseCase>();

        await start.RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), Actor.Timer, bench.Engine, CancellationToken.None);
        await start.RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), Actor.Timer, bench.Engine, CancellationToken.None);

        bench.Audit.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ActorId = "timer", ActorKind = ActorKind.System, Detail = "新周期" });
    }
}
