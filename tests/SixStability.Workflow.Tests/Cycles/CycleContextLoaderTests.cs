using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Cycles;

public sealed class CycleContextLoaderTests
{
    [Fact]
    public async Task Saves_that_find_the_cycle_record_stale_together_read_it_once()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        var store = new GatedCycleStore(bench.Get<ICycleStore>());
        CycleContextLoader loader = Loader(bench, store);

        Task<CycleContext?>[] saves = [.. Enumerable.Range(0, 50).Select(_ => Task.Run(() => loader.FindRecentAsync(Workbench.CycleId, CancellationToken.None)))];
        await store.FirstReadStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100); // every save has asked before the read answers
        store.Open();
        CycleContext?[] found = await Task.WhenAll(saves);

        found.Should().AllSatisfy(c => c!.CycleId.Should().Be(Workbench.CycleId));
        store.Reads.Should().Be(1);
    }

    [Fact]
    public async Task A_save_that_gives_up_waiting_for_the_shared_read_does_not_fail_the_others()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        var store = new GatedCycleStore(bench.Get<ICycleStore>());
        CycleContextLoader loader = Loader(bench, store);
        using var leaving = new CancellationTokenSource();

        Task<CycleContext?> gone = loader.FindRecentAsync(Workbench.CycleId, leaving.Token);
        Task<CycleContext?> staying = loader.FindRecentAsync(Workbench.CycleId, CancellationToken.None);
        await store.FirstReadStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await leaving.CancelAsync();
        store.Open();

        await FluentActions.Awaiting(() => gone).Should().ThrowAsync<OperationCanceledException>();
        (await staying)!.IsOpen.Should().BeTrue();
        store.Reads.Should().Be(1);
    }

    private static CycleContextLoader Loader(Workbench bench, ICycleStore store) =>
        new(store, bench.Get<IPlanStore>(), bench.Get<IDirectoryStore>(), bench.Get<BusinessCalendar>());

    /// <summary>Counts reads of a cycle's record and holds them until opened, as a slow storage would.</summary>
    private sealed class GatedCycleStore(ICycleStore inner) : ICycleStore
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public Task FirstReadStarted => started.Task;

        public void Open() => gate.TrySetResult();

        public async Task<CycleRecord?> GetAsync(string cycleId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            started.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
            return await inner.GetAsync(cycleId, cancellationToken);
        }

        public Task<CycleRecord> CreateAsync(CycleRecord record, CancellationToken cancellationToken) => inner.CreateAsync(record, cancellationToken);

        public Task SetStatusAsync(string cycleId, CycleStatus status, DateTimeOffset at, CancellationToken cancellationToken) => inner.SetStatusAsync(cycleId, status, at, cancellationToken);

        public Task SetOrchestrationVersionAsync(string cycleId, string version, CancellationToken cancellationToken) => inner.SetOrchestrationVersionAsync(cycleId, version, cancellationToken);

        public Task<IReadOnlyList<CycleRecord>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task AddProblemAsync(string cycleId, CycleProblem problem, CancellationToken cancellationToken) => inner.AddProblemAsync(cycleId, problem, cancellationToken);

        public Task<IReadOnlyList<CycleProblem>> ProblemsAsync(string cycleId, CancellationToken cancellationToken) => inner.ProblemsAsync(cycleId, cancellationToken);
    }
}
