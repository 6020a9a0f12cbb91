using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>A document with an ETag, replaced only when the caller's ETag is still current.</summary>
internal sealed class InMemoryDocument<T>
    where T : class
{
    private readonly Lock gate = new();
    private Versioned<T>? current;
    private int version;

    public Versioned<T>? Get()
    {
        lock (gate)
        {
            return current;
        }
    }

    public Outcome<string> Put(T value, string? ifMatch)
    {
        lock (gate)
        {
            if (ifMatch is not null && ifMatch != current?.ETag)
            {
                return Outcome.Conflict<string>("数据已被他人修改，请重新读取后再提交。");
            }

            current = new Versioned<T>(value, $"\"v{++version}\"");
            return current.ETag;
        }
    }
}

internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly Dictionary<string, InMemoryDocument<PlanCatalog>> plans = new(StringComparer.Ordinal);

    public Task<Versioned<PlanCatalog>?> GetAsync(string planId, CancellationToken cancellationToken) =>
        Task.FromResult(plans.GetValueOrDefault(planId)?.Get());

    public Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanCatalog>>([.. plans.Values.Select(p => p.Get()!.Value)]);

    public Task<Outcome<string>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!plans.TryGetValue(plan.PlanId, out InMemoryDocument<PlanCatalog>? doc))
        {
            plans[plan.PlanId] = doc = new();
        }

        return Task.FromResult(doc.Put(plan, ifMatch));
    }
}

internal sealed class InMemoryDirectoryStore : IDirectoryStore
{
    private readonly InMemoryDocument<UnitDirectory> doc = new();

    public Task<Versioned<UnitDirectory>?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(doc.Get());

    public Task<Outcome<string>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken) => Task.FromResult(doc.Put(directory, ifMatch));
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

    public Task<IReadOnlyList<CycleRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CycleRecord>>([.. records.Values]);
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
