using Microsoft.Extensions.Options;
using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;
using SixStability.Infrastructure.Cycles;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Storage;

/// <summary>Each task's board state in the unit's shard tally, on Azurite: what the board's filters and column counts read.</summary>
public sealed class TallyStandingsTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    private static async Task<TableObligationStore> NewStoreAsync()
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = await SharedAzurite.ConnectionStringAsync(),
            TablePrefix = "s" + Guid.NewGuid().ToString("N")[..12],
        });
        return new TableObligationStore(new TableClients(options), new AzureBlobStore(options));
    }

    private static async Task OpenAsync(TableObligationStore store, int units, int tasks) =>
        await store.AddMissingAsync([.. Enumerable.Range(1, units).SelectMany(u => Enumerable.Range(1, tasks).Select(t => new Obligation("c/1", $"u{u:D3}", t, t == 1, ObligationState.Outstanding, Due)))], CancellationToken.None);

    [Fact]
    public async Task A_units_shard_tally_carries_each_tasks_state_as_its_obligations_change()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 2, tasks: 3);

        await store.ChangeAsync("c/1", "u001", 2, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "u001", "submitted", "{}"), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "u001", 3, o => o.SaveDraft(), new HistoryEntry(DateTimeOffset.UtcNow, "u001", "draft", "{}"), null, CancellationToken.None);
        IReadOnlyDictionary<string, UnitTally> tallies = (await ((ICycleTallies)store).UnitsAsync("c/1", CancellationToken.None))!;

        tallies["u001"].Tasks.Should().Equal(new TaskStanding(1, BoardState.Outstanding), new TaskStanding(2, BoardState.Submitted), new TaskStanding(3, BoardState.Draft));
        tallies["u002"].Tasks.Should().OnlyContain(t => t.State == BoardState.Outstanding).And.HaveCount(3);
        tallies["u001"].Counts.Submitted.Should().Be(1);
    }

    [Fact]
    public async Task A_unit_with_hundreds_of_tasks_keeps_its_counts_but_leaves_the_states_out_so_a_shard_stays_small()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 1, tasks: 500);

        UnitTally tally = (await ((ICycleTallies)store).UnitsAsync("c/1", CancellationToken.None))!["u001"];

        tally.Tasks.Should().BeNull("the board reads such a unit's marks instead");
        tally.Counts.Obligations.Should().Be(500);
    }
}
