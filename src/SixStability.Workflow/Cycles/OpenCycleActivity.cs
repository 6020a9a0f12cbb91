using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Opens the cycle: fixes its frame (calendar, demo or explicit due), creates one obligation per
/// (task, responsible unit) and cuts the units into pages. Idempotent: a retry finds what exists.
/// </summary>
public sealed class OpenCycleActivity(ICycleStore cycles, IObligationStore obligations, ICycleTallies tallies, IPlanStore plans, IDirectoryStore directory, BusinessCalendar china, TimeProvider clock, CyclePolicy configured)
    : TaskActivity<CycleInput, OpenCycleResult>
{
    public const int UnitsPerRange = 200;

    public override async Task<OpenCycleResult> RunAsync(TaskActivityContext context, CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleRecord record = await cycles.GetAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false)
            ?? await CreateAsync(input).ConfigureAwait(false);
        IReadOnlyCollection<DateOnly> dues = await tallies.DueDaysAsync(record.CycleId, CancellationToken.None).ConfigureAwait(false);
        return new OpenCycleResult(
            record.UnitRanges.Count,
            new CycleTick(clock.GetUtcNow(), StepKind.Open, null, record.Frame.DefaultDue, ChinaTime.At(record.Frame.Open, record.Policy.OpenAt)),
            CycleTimeline.Build(record.Frame, record.Policy, china, dues));
    }

    private async Task<CycleRecord> CreateAsync(CycleInput input)
    {
        Versioned<PlanCatalog> plan = await plans.GetAsync(input.PlanId, null, CancellationToken.None).ConfigureAwait(false)
            ?? throw new PermanentStepException($"方案“{input.PlanId}”不存在。");
        Versioned<UnitDirectory> units = await directory.GetAsync(null, CancellationToken.None).ConfigureAwait(false)
            ?? throw new PermanentStepException("尚未导入单位名录。");
        Quarter quarter = Quarter.Parse(input.Quarter);
        CyclePolicy policy = configured;
        CycleFrame frame = CycleFrames.For(input.CycleId, input.PlanId, quarter, input.Policy, input.RequestedAt, policy, china);

        // Co-units are due before the lead unit, which consolidates their reports into the task's account.
        Outcome<IReadOnlyList<Obligation>> opened = ObligationPlanner.Open(input.CycleId, plan.Value, units.Value, frame.DefaultDue, frame.CoUnitDue(policy, china));
        IReadOnlyList<Obligation> all = opened.IsOk ? opened.Value! : throw new PermanentStepException(opened.Message);
        await obligations.AddMissingAsync(all, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<UnitRange> ranges = all.Select(o => o.UnitId).Distinct().Order(StringComparer.Ordinal)
            .Chunk(UnitsPerRange).Select(c => new UnitRange(c[0], c[^1])).ToList();

        // The versions it opened with are the ones it keeps: a plan re-imported later is a new version for later cycles.
        var versions = new CycleVersions(plan.Version.Id, plan.Version.Number, units.Version.Id, units.Version.Number);
        return await cycles.CreateAsync(new CycleRecord(frame, policy, CycleStatus.Open, ranges, clock.GetUtcNow(), Versions: versions), CancellationToken.None).ConfigureAwait(false);
    }
}

/// <param name="Ranges">How many unit ranges a step fans out over.</param>
/// <param name="OpenTick">The opening step (opening notices to every unit).</param>
public sealed record OpenCycleResult(int Ranges, CycleTick OpenTick, IReadOnlyList<CycleTick> Ticks);
