using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>
/// Whatever people do to a cycle, in whatever order — extensions with absurd dates (through the rules
/// or raised straight at the orchestration), requests approved and refused, returns, close, cancel,
/// the same command twice — it ends completed or cancelled, never failed, and its progress always reads.
/// </summary>
public sealed class CyclePropertyTests
{
    private static readonly string[] Units = ["rsj", "czj", "lps", "flx"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_commands_never_fail_a_cycle_and_its_progress_always_reads(int seed)
    {
        var random = new Random(seed);
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo($"20{30 + seed}Q1", secondsPerDay: 0.6);
        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);
        IServiceProvider services = host.Services;
        CycleProgressQuery progress = services.GetRequiredService<CycleProgressQuery>();
        var log = new List<string>();

        for (int step = 0; step < 12; step++)
        {
            string unit = Units[random.Next(Units.Length)];
            int task = unit is "lps" or "flx" ? 2 : random.Next(1, 3);
            DateOnly due = ((await host.Obligations.ListUnitAsync(input.CycleId, unit, CancellationToken.None)).MinBy(o => o.Due) ?? throw new InvalidOperationException("no obligation")).Due;
            DateOnly date = random.Next(5) switch
            {
                0 => new DateOnly(9999, 12, 30),
                1 => DateOnly.MinValue,
                2 => due.AddDays(-3),
                _ => due.AddDays(random.Next(1, 400)),
            };
            string what = random.Next(9) switch
            {
                0 => await RawAsync(host, input.CycleId, new CycleCommand(CycleCommandKind.Extend, unit, date, "直接发给编排")),
                1 => Kind(await services.GetRequiredService<CycleCommandUseCase>().RunAsync(input.CycleId, new CycleCommand(CycleCommandKind.Extend, unit, date, "延期"), host.Cycles, CancellationToken.None)),
                2 => Kind(await services.GetRequiredService<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(input.CycleId, unit, date, "申请"), CancellationToken.None)),
                3 => Kind(await services.GetRequiredService<DecideExtensionUseCase>().RunAsync(new DecideExtensionCommand(input.CycleId, unit, random.Next(2) == 0, "意见"), host.Cycles, CancellationToken.None)),
                4 => Kind(await services.GetRequiredService<SaveReportUseCase>().RunAsync(new SaveReportCommand(input.CycleId, unit, task, new SubmissionForm("进展", ReportedFigures.OnTrack), Draft: false), CancellationToken.None)),
                5 => Kind(await services.GetRequiredService<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(input.CycleId, unit, task, "请补充"), CancellationToken.None)),
                6 => await RawAsync(host, input.CycleId, new CycleCommand(CycleCommandKind.Extend, unit, null)),
                7 when random.Next(4) == 0 => await RawAsync(host, input.CycleId, new CycleCommand(random.Next(2) == 0 ? CycleCommandKind.Close : CycleCommandKind.Cancel), twice: true),
                _ => "wait",
            };
            log.Add($"{step}: {unit}/{task} {date} → {what}");

            Outcome<CycleView> read = await progress.RunAsync(input.CycleId, host.Cycles, CancellationToken.None);
            read.IsOk.Should().BeTrue(string.Join('\n', log));
            await Task.Delay(random.Next(50, 400));
        }

        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId, seconds: 120);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, string.Join('\n', log));
        done.ReadOutputAs<CycleResult>()!.Status.Should().BeOneOf(["closed", "cancelled"], string.Join('\n', log));
        (await progress.RunAsync(input.CycleId, host.Cycles, CancellationToken.None)).IsOk.Should().BeTrue();
    }

    private static async Task<string> RawAsync(CycleHost host, string cycleId, CycleCommand command, bool twice = false)
    {
        await host.Cycles.RaiseAsync(cycleId, command, CancellationToken.None);
        if (twice)
        {
            await host.Cycles.RaiseAsync(cycleId, command, CancellationToken.None);
        }

        return $"raw {command.Kind}";
    }

    private static string Kind<T>(Outcome<T> outcome) => outcome.Kind.ToString();
}
