using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;

namespace SixStability.Bench;

/// <summary>
/// The scale bench's cycles: each of N obligations planned from the same synthetic plan and directory (or of its first
/// unit only, the warm cycle), with their records as the opening activity writes them, and a scan of their rows.
/// </summary>
internal sealed class ScaleCycles(IServiceProvider services, CycleInput input, PlanCatalog catalog, UnitDirectory directory, int units)
{
    private readonly CyclePolicy policy = CyclePolicy.Default;
    private readonly BusinessCalendar china = services.GetRequiredService<BusinessCalendar>();
    private CycleVersions? versions;
    private HashSet<(string Unit, int Task)>? leads;

    public string WarmCycleId => "warm-" + input.CycleId;

    public string FirstUnit { get; } = "u00001";

    /// <summary>The cycle's ranges of units, as the opening activity cuts them.</summary>
    public IReadOnlyList<UnitRange> Ranges { get; } = [.. Enumerable.Range(1, units).Select(i => $"u{i:D5}").Chunk(OpenCycleActivity.UnitsPerRange).Select(c => new UnitRange(c[0], c[^1]))];

    /// <summary>The obligations an opening of <paramref name="cycleId"/> writes (of its first <paramref name="units"/> only, when given).</summary>
    public List<Obligation> Obligations(string cycleId, int? units = null)
    {
        IReadOnlyList<Obligation> all = ObligationPlanner.Open(cycleId, catalog, directory, Frame(cycleId).DefaultDue).Value!;
        leads ??= [.. all.Where(o => o.IsLead).Select(o => (o.UnitId, o.TaskNumber))];
        return units is null ? [.. all] : [.. all.Where(o => string.CompareOrdinal(o.UnitId, $"u{units:D5}") <= 0)];
    }

    /// <summary>Writes the cycle's record, open, pinned to the plan and directory versions stored (as the opening activity does).</summary>
    public async Task CreateRecordAsync(string cycleId, int? units = null)
    {
        if (versions is null)
        {
            var plan = (await services.GetRequiredService<IPlanStore>().GetAsync(input.PlanId, null, CancellationToken.None))!.Version;
            var stored = (await services.GetRequiredService<IDirectoryStore>().GetAsync(null, CancellationToken.None))!.Version;
            versions = new CycleVersions(plan.Id, plan.Number, stored.Id, stored.Number);
        }

        IReadOnlyList<UnitRange> ranges = units is null ? Ranges : [new UnitRange(FirstUnit, $"u{units:D5}")];
        await services.GetRequiredService<ICycleStore>().CreateAsync(new CycleRecord(Frame(cycleId), policy, CycleStatus.Open, ranges, DateTimeOffset.UtcNow, Versions: versions), CancellationToken.None);
    }

    public Task<CycleContext> LoadAsync(string cycleId) => services.GetRequiredService<CycleContextLoader>().LoadAsync(cycleId, CancellationToken.None);

    /// <summary>A submission of one task, with the indicator its lead unit reports.</summary>
    public SaveReportCommand Save(string cycleId, string unit, int task)
    {
        var form = new SubmissionForm("按计划推进。", ReportedFigures.OnTrack, leads!.Contains((unit, task)) ? [new IndicatorReading($"今年完成{task}万户改造", 12000m)] : null);
        return new SaveReportCommand(cycleId, unit, task, form, Draft: false, IdempotencyKey: Guid.NewGuid().ToString("N"));
    }

    /// <summary>Every obligation row of the cycle (partitions "{cycle}|{unit}", rows "t…", from "s…" with the texts), as the product's own scans filter them.</summary>
    public async Task<(List<TableEntity> Rows, double Seconds)> ScanAsync(string cycleId, string firstRow = "t")
    {
        TableClient table = await services.GetRequiredService<TableClients>().GetAsync("obligations");
        var watch = Stopwatch.StartNew();
        var rows = new List<TableEntity>();
        string cycle = TableKeys.Encode(cycleId);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {firstRow} and RowKey lt {"u"}"), maxPerPage: 1000))
        {
            rows.Add(e);
        }

        return (rows, watch.Elapsed.TotalSeconds);
    }

    private CycleFrame Frame(string cycleId) => CycleFrames.For(cycleId, input.PlanId, new Quarter(2020, 3), input.Policy, input.RequestedAt, policy, china);
}
