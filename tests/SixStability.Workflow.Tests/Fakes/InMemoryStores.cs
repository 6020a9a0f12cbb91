using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.Workflow.Plans.Drafts;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>A document kept in every version, the newest replaced only when the caller's ETag is still current.</summary>
internal sealed class InMemoryDocument<T>
    where T : class
{
    private readonly Lock gate = new();
    private readonly List<Versioned<T>> versions = [];

    public Versioned<T>? Get(string? version)
    {
        lock (gate)
        {
            return version is null ? versions.LastOrDefault() : versions.FirstOrDefault(v => v.Version.Id == version);
        }
    }

    public Outcome<StoredVersion> Put(T value, string? ifMatch)
    {
        lock (gate)
        {
            if (ifMatch is not null && ifMatch != versions.LastOrDefault()?.ETag)
            {
                return Outcome.Conflict<StoredVersion>("数据已被他人修改，请重新读取后再提交。");
            }

            int number = versions.Count + 1;
            var stored = new StoredVersion($"v{number}", number, DateTimeOffset.UtcNow, $"\"v{number}\"");
            versions.Add(new Versioned<T>(value, stored));
            return stored;
        }
    }
}

internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly Dictionary<string, InMemoryDocument<PlanCatalog>> plans = new(StringComparer.Ordinal);

    public Task<Versioned<PlanCatalog>?> GetAsync(string planId, string? version, CancellationToken cancellationToken) =>
        Task.FromResult(plans.GetValueOrDefault(planId)?.Get(version));

    public Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanCatalog>>([.. plans.Values.Select(p => p.Get(null)!.Value)]);

    public Task<Outcome<StoredVersion>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!plans.TryGetValue(plan.PlanId, out InMemoryDocument<PlanCatalog>? doc))
        {
            plans[plan.PlanId] = doc = new();
        }

        return Task.FromResult(doc.Put(plan, ifMatch));
    }
}

internal sealed class InMemoryPlanDraftStore : IPlanDraftStore
{
    private readonly Dictionary<string, InMemoryDocument<PlanDraftRecord>> drafts = new(StringComparer.Ordinal);

    public Task<Versioned<PlanDraftRecord>?> GetAsync(string planId, CancellationToken cancellationToken) =>
        Task.FromResult(drafts.GetValueOrDefault(planId)?.Get(null));

    public Task<Outcome<StoredVersion>> PutAsync(PlanDraftRecord record, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!drafts.TryGetValue(record.Draft.PlanId, out InMemoryDocument<PlanDraftRecord>? doc))
        {
            drafts[record.Draft.PlanId] = doc = new();
        }

        return Task.FromResult(doc.Put(record, ifMatch));
    }
}

internal sealed class InMemoryReportingContactStore : IReportingContactStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Cycle, string Unit), ReportingContact> rows = new();

    public Task<ReportingContact?> GetAsync(string cycleId, string unitId, CancellationToken cancellationToken) => Task.FromResult(rows.GetValueOrDefault((cycleId, unitId)));

    public Task<ReportingContact?> LastAsync(string unitId, CancellationToken cancellationToken) => Task.FromResult(rows.GetValueOrDefault(("last", unitId)));

    public Task<IReadOnlyDictionary<string, ReportingContact>> ListAsync(string cycleId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ReportingContact>>(rows.Where(r => r.Key.Cycle == cycleId).ToDictionary(r => r.Key.Unit, r => r.Value, StringComparer.Ordinal));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SixStability.Core.Calendar.Quarter> lastQuarter = new(StringComparer.Ordinal);

    public Task PutAsync(string cycleId, SixStability.Core.Calendar.Quarter quarter, string unitId, ReportingContact contact, CancellationToken cancellationToken)
    {
        rows[(cycleId, unitId)] = contact;
        if (!lastQuarter.TryGetValue(unitId, out var kept) || kept.CompareTo(quarter) <= 0)
        {
            lastQuarter[unitId] = quarter;
            rows[("last", unitId)] = contact;
        }

        return Task.CompletedTask;
    }
}

internal sealed class InMemoryDirectoryStore : IDirectoryStore
{
    private readonly InMemoryDocument<UnitDirectory> doc = new();

    public Task<Versioned<UnitDirectory>?> GetAsync(string? version, CancellationToken cancellationToken) => Task.FromResult(doc.Get(version));

    public Task<Outcome<StoredVersion>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken) => Task.FromResult(doc.Put(directory, ifMatch));
}

internal sealed class InMemoryCycleStore : ICycleStore
{
    private readonly Dictionary<string, CycleRecord> records = new(StringComparer.Ordinal);

    public Task<CycleRecord?> GetAsync(string cycleId, CancellationToken cancellationToken) => Task.FromResult(records.GetValueOrDefault(cycleId));

    public Task<CycleRecord> CreateAsync(CycleRecord record, CancellationToken cancellationToken)
    {
        records.TryAdd(record.CycleId, record);
        return Task.FromResult(records[record.CycleId]);
    }

    public Task SetStatusAsync(string cycleId, CycleStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        records[cycleId] = records[cycleId] with { Status = status, ClosedAt = status == CycleStatus.Open ? null : at };
        return Task.CompletedTask;
    }

    public Task SetOrchestrationVersionAsync(string cycleId, string version, CancellationToken cancellationToken)
    {
        records[cycleId] = records[cycleId] with { OrchestrationVersion = version };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CycleRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CycleRecord>>([.. records.Values]);

    public List<(string CycleId, CycleProblem Problem)> Problems { get; } = [];

    public Task AddProblemAsync(string cycleId, CycleProblem problem, CancellationToken cancellationToken)
    {
        Problems.Add((cycleId, problem));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CycleProblem>> ProblemsAsync(string cycleId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CycleProblem>>([.. Problems.Where(p => p.CycleId == cycleId).Select(p => p.Problem)]);
}

internal sealed class InMemoryBlobStore : IBlobStore
{
    private readonly Dictionary<(string, string), StoredBlob> blobs = [];

    public IReadOnlyCollection<(string Container, string Name)> Names => blobs.Keys;

    public Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        blobs[(container, name)] = new StoredBlob(content.ToArray(), contentType);
        return Task.CompletedTask;
    }

    public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken) => Task.FromResult(blobs.GetValueOrDefault((container, name)));

    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        blobs.Remove((container, name));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<string> ListAsync(string container, string prefix, CancellationToken cancellationToken) =>
        blobs.Keys.Where(k => k.Item1 == container && k.Item2.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k.Item2).ToList().ToAsyncEnumerable();
}
