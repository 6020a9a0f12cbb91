using Microsoft.DurableTask;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Opens the cycle: fixes its frame (calendar, demo or explicit due), creates one obligation per
/// (task, responsible unit) and cuts the units into pages. Idempotent: a retry finds what exists.
/// </summary>
public sealed class OpenCycleActivity(ICycleStore cycles, IObligationStore obligations, IPlanStore plans, IDirectoryStore directory, BusinessCalendar china, TimeProvider clock, CyclePolicy configured)
    : TaskActivity<CycleInput, OpenCycleResult>
{
    public const int UnitsPerRange = 200;

    public override async Task<OpenCycleResult> RunAsync(TaskActivityContext context, CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleRecord record = await cycles.GetAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false)
            ?? await CreateAsync(input).ConfigureAwait(false);
        IReadOnlyCollection<DateOnly> dues = await obligations.DueDaysAsync(record.CycleId, CancellationToken.None).ConfigureAwait(false);
        return new OpenCycleResult(
            record.UnitRanges.Count,
            new CycleTick(clock.GetUtcNow(), StepKind.Open, null, record.Frame.DefaultDue, ChinaTime.At(record.Frame.Open, record.Policy.OpenAt)),
            CycleTimeline.Build(record.Frame, record.Policy, china, dues));
    }

    private async Task<CycleRecord> CreateAsync(CycleInput input)
    {
        PlanCatalog plan = (await plans.GetAsync(input.PlanId, CancellationToken.None).ConfigureAwait(false))?.Value
            ?? throw new InvalidOperationException($"方案“{input.PlanId}”不存在。");
        UnitDirectory units = (await directory.GetAsync(CancellationToken.None).ConfigureAwait(false))?.Value
            ?? throw new InvalidOperationException("尚未导入单位名录。");
        Quarter quarter = Quarter.Parse(input.Quarter);
        CyclePolicy policy = configured;
        CycleFrame frame = CycleFrames.For(input.CycleId, input.PlanId, quarter, input.Policy, input.RequestedAt, policy, china);

        // Co-units are due before the lead unit, which consolidates their reports into the task's account.
        IReadOnlyList<Obligation> all = ObligationPlanner.Open(input.CycleId, plan, units, frame.DefaultDue, frame.CoUnitDue(policy, china));
        await obligations.AddMissingAsync(all, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<UnitRange> pages = all.Select(o => o.UnitId).Distinct().Order(StringComparer.Ordinal)
            .Chunk(UnitsPerRange).Select(c => new UnitRange(c[0], c[^1])).ToList();
        return await cycles.CreateAsync(new CycleRecord(frame, policy, CycleStatus.Open, pages, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
    }
}

/// <param name="Pages">How many unit pages a step fans out over.</param>
/// <param name="OpenTick">The opening step (opening notices to every unit).</param>
public sealed record OpenCycleResult(int Pages, CycleTick OpenTick, IReadOnlyList<CycleTick> Ticks);
