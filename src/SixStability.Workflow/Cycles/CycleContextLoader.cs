using System.Collections.Concurrent;

namespace SixStability.Workflow.Cycles;

/// <summary>Everything a step or a use case needs about its cycle, loaded once.</summary>
public sealed class CycleContextLoader(ICycleStore cycles, IPlanStore plans, IDirectoryStore directory, BusinessCalendar china)
{
    private const int MaxPinnedLookups = 64;
    private const int MaxRecentCycles = 256;

    // How long a save may reuse an open cycle's record (monotonic milliseconds, not the domain clock).
    private const long RecentMilliseconds = 2_000;

    private readonly ConcurrentDictionary<(string Plan, string PlanVersion, string DirectoryVersion), CycleLookup> pinnedLookups = new();
    private readonly ConcurrentDictionary<string, (CycleContext Cycle, long Until)> recentOpen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<CycleContext?>>> reading = new(StringComparer.Ordinal);

    /// <summary>The cycle, or null when it (or the plan or directory it runs on) does not exist.</summary>
    public async Task<CycleContext?> FindAsync(string cycleId, CancellationToken cancellationToken)
    {
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        return await LookupAsync(record, cancellationToken).ConfigureAwait(false) is { } lookup ? new CycleContext(record, lookup, china) : null;
    }

    /// <summary>
    /// As <see cref="FindAsync"/>, for a unit's change of one task: an open cycle's record read up to two seconds ago is
    /// used again, so fifty clerks saving at once do not each read it. Safe because the row a change writes is the fence,
    /// not this record: closing or cancelling seals every row, and a change that meets a sealed row (or a row sealed after
    /// it was read) is refused as closed, so a save let through by a record a moment old is one the seal then counts.
    /// Saves that find the record too old at the same moment wait for one read of it, not one each.
    /// </summary>
    public async Task<CycleContext?> FindRecentAsync(string cycleId, CancellationToken cancellationToken)
    {
        if (recentOpen.TryGetValue(cycleId, out (CycleContext Cycle, long Until) held) && Environment.TickCount64 < held.Until)
        {
            return held.Cycle;
        }

        var mine = new Lazy<Task<CycleContext?>>(() => ReadRecentAsync(cycleId));
        Lazy<Task<CycleContext?>> shared = reading.GetOrAdd(cycleId, mine);
        try
        {
            // The read is shared, so one waiter's cancellation must not cancel it for the others.
            return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            reading.TryRemove(KeyValuePair.Create(cycleId, shared));
        }
    }

    private async Task<CycleContext?> ReadRecentAsync(string cycleId)
    {
        long now = Environment.TickCount64;
        CycleContext? cycle = await FindAsync(cycleId, CancellationToken.None).ConfigureAwait(false);
        if (cycle is { IsOpen: true })
        {
            if (recentOpen.Count >= MaxRecentCycles)
            {
                recentOpen.Clear();
            }

            recentOpen[cycleId] = (cycle, now + RecentMilliseconds);
        }
        else
        {
            recentOpen.TryRemove(cycleId, out _);
        }

        return cycle;
    }

    /// <summary>The plan and directory a cycle runs on, or null when either is gone.</summary>
    public async Task<CycleLookup?> LookupAsync(CycleRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);

        // A stored version never changes, so the lookup of the versions a cycle pins is built once per process: a
        // province's directory is thousands of units, and every save of every clerk would otherwise read and index it.
        if (record.Versions is { } pinned && pinnedLookups.TryGetValue((record.Frame.PlanId, pinned.Plan, pinned.Directory), out CycleLookup? known))
        {
            return known;
        }

        // The versions the cycle opened with, so a re-imported plan or a new directory never changes a running cycle.
        PlanCatalog? plan = (await plans.GetAsync(record.Frame.PlanId, record.Versions?.Plan, cancellationToken).ConfigureAwait(false))?.Value;
        UnitDirectory? units = (await directory.GetAsync(record.Versions?.Directory, cancellationToken).ConfigureAwait(false))?.Value;
        if (plan is null || units is null)
        {
            return null;
        }

        var lookup = new CycleLookup(plan, units);
        if (record.Versions is { } versions)
        {
            if (pinnedLookups.Count >= MaxPinnedLookups)
            {
                pinnedLookups.Clear();
            }

            pinnedLookups[(record.Frame.PlanId, versions.Plan, versions.Directory)] = lookup;
        }

        return lookup;
    }

    /// <summary>The cycle for a coordinator's decision: not found, or ended (closed or cancelled), are the answers when it cannot be decided on.</summary>
    public async Task<Outcome<CycleContext>> FindOpenAsync(string cycleId, CancellationToken cancellationToken) =>
        await FindAsync(cycleId, cancellationToken).ConfigureAwait(false) switch
        {
            null => Outcome.NotFound<CycleContext>(CycleMessages.NoCycle(cycleId)),
            { IsOpen: false } => Outcome.Closed<CycleContext>(CycleMessages.Ended),
            var open => open,
        };

    /// <summary>For the cycle's own steps, which only run on a cycle that was opened: if it is gone, no retry brings it back.</summary>
    public async Task<CycleContext> LoadAsync(string cycleId, CancellationToken cancellationToken) =>
        await FindAsync(cycleId, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentStepException($"报送周期“{cycleId}”、其方案或单位名录不存在。");
}
