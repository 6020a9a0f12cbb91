using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;
using SixStability.Core.Rules;
using SixStability.Infrastructure.Cycles;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Storage;

/// <summary>The escalation step's batched write and the board's tallies, on Azurite.</summary>
public sealed class EscalationAndTallyTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);
    private static readonly UnitRange Everyone = new("a", "zzz");

    private static async Task<TableObligationStore> NewStoreAsync() => Store(await NewOptionsAsync());

    private static async Task<IOptions<StorageOptions>> NewOptionsAsync() => Options.Create(new StorageOptions
    {
        ConnectionString = await SharedAzurite.ConnectionStringAsync(),
        TablePrefix = "e" + Guid.NewGuid().ToString("N")[..12],
    });

    /// <summary>A store over these tables, as one process (instance) holds it: with its own memory of the rows it wrote.</summary>
    private static TableObligationStore Store(IOptions<StorageOptions> options) => new(new TableClients(options), new AzureBlobStore(options));

    private static HistoryEntry Escalation(int level) => new(DateTimeOffset.UtcNow, "system", $"escalation{level}", $"第{level}级督办");

    private static async Task OpenAsync(TableObligationStore store, int units, int tasks) =>
        await store.AddMissingAsync([.. Enumerable.Range(1, units).SelectMany(u => Enumerable.Range(1, tasks).Select(t => new Obligation("c/1", $"u{u:D3}", t, t == 1, ObligationState.Outstanding, Due)))], CancellationToken.None);

    [Fact]
    public async Task Escalation_raises_every_late_obligation_once_with_one_history_entry_each_and_a_retry_writes_nothing_more()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 3, tasks: 120); // more than one transaction per unit
        await store.ChangeAsync("c/1", "u002", 7, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "u002", "submitted", "{}"), null, CancellationToken.None);

        IReadOnlyList<Obligation> after = await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 2, Escalation(2), CancellationToken.None);
        IReadOnlyList<Obligation> retried = await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 2, Escalation(2), CancellationToken.None);

        after.Should().HaveCount(360);
        after.Where(o => o.IsOwed).Should().OnlyContain(o => o.EscalationLevel == 2 && o.Revision == 1);
        after.Single(o => o.UnitId == "u002" && o.TaskNumber == 7).EscalationLevel.Should().Be(0);
        List<Obligation> stored = await store.ListAllAsync("c/1", null, CancellationToken.None);
        stored.Select(o => (o.UnitId, o.TaskNumber, o.EscalationLevel, o.Revision)).Order().Should().Equal(after.Select(o => (o.UnitId, o.TaskNumber, o.EscalationLevel, o.Revision)).Order());
        retried.Select(o => o.Revision).Should().Equal(after.Select(o => o.Revision));
        (await store.HistoryAsync("c/1", "u001", 100, CancellationToken.None)).Select(h => h.What).Should().Equal("escalation2");
        (await store.HistoryAsync("c/1", "u002", 7, CancellationToken.None)).Select(h => h.What).Should().Equal("submitted");
    }

    [Fact]
    public async Task A_history_reads_a_save_after_an_escalation_in_the_order_they_happened()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 1, tasks: 2);

        await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 1, Escalation(1), CancellationToken.None);
        await store.ChangeAsync("c/1", "u001", 2, o => o.SaveDraft(), new HistoryEntry(DateTimeOffset.UtcNow, "u001", "draft", "{}"), null, CancellationToken.None);
        await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 2, Escalation(2), CancellationToken.None);

        (await store.UnitHistoryAsync("c/1", "u001", CancellationToken.None))[2].Select(h => h.What).Should().Equal("escalation1", "draft", "escalation2");
        (await store.HistoryAsync("c/1", "u001", 1, CancellationToken.None)).Select(h => h.What).Should().Equal("escalation1", "escalation2");
    }

    [Fact]
    public async Task Escalation_leaves_a_sealed_cycle_as_it_stands()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 2, tasks: 3);
        await store.SealAsync("c/1", CancellationToken.None);

        IReadOnlyList<Obligation> after = await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 1, Escalation(1), CancellationToken.None);

        after.Should().OnlyContain(o => o.EscalationLevel == 0 && o.Revision == 0);
        (await store.ListAllAsync("c/1", null, CancellationToken.None)).Should().OnlyContain(o => o.EscalationLevel == 0);
    }

    [Fact]
    public async Task The_tallies_follow_saves_escalation_and_the_seal_and_equal_counting_every_obligation()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 4, tasks: 5);
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "u", "submitted", "{}");

        await Parallel.ForEachAsync(Enumerable.Range(1, 5), async (t, ct) =>
            await store.ChangeAsync("c/1", "u001", t, o => o.Submit(entry.At, o.Due.AddDays(t % 2)), entry, null, ct));
        await store.ChangeAsync("c/1", "u003", 2, o => o.SaveDraft(), entry with { What = "draft" }, null, CancellationToken.None);
        await store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 1, Escalation(1), CancellationToken.None);
        IReadOnlyDictionary<string, UnitTally> open = (await store.UnitsAsync("c/1", CancellationToken.None))!;
        await store.SealAsync("c/1", CancellationToken.None);
        IReadOnlyDictionary<string, UnitTally> sealedTallies = (await store.UnitsAsync("c/1", CancellationToken.None))!;

        List<Obligation> all = await store.ListAllAsync("c/1", null, CancellationToken.None);
        UnitTally.Total(open.Values).Should().Be(CycleCounts.Of(all));
        UnitTally.Total(sealedTallies.Values).Should().Be(CycleCounts.Of(all));
        open["u001"].NeedsAttention.Should().BeTrue("two of its tasks were submitted a day late");
        open["u002"].Counts.Level1.Should().Be(5);
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await store.MarksAsync("c/1", ["u003", "nobody"], CancellationToken.None);
        marks.Keys.Should().Equal("u003");
        marks["u003"].Should().Equal(all.Where(o => o.UnitId == "u003").OrderBy(o => o.TaskNumber).Select(ObligationMark.Of));
    }

    [Fact]
    public async Task A_replayed_save_after_a_lost_answer_commits_nothing_more_and_another_body_under_its_key_is_refused()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 1, tasks: 1);
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "u001", "submitted", "{}");

        Outcome<ChangeResult> first = await store.ChangeAsync("c/1", "u001", 1, o => o.Submit(entry.At, o.Due), entry, new Idempotency("k", "f1"), CancellationToken.None);
        Outcome<ChangeResult> again = await store.ChangeAsync("c/1", "u001", 1, o => o.Submit(entry.At, o.Due), entry, new Idempotency("k", "f1"), CancellationToken.None);
        Outcome<ChangeResult> reused = await store.ChangeAsync("c/1", "u001", 1, o => o.Submit(entry.At, o.Due), entry, new Idempotency("k", "f2"), CancellationToken.None);

        first.Value!.Replayed.Should().BeFalse();
        again.Value!.Replayed.Should().BeTrue();
        again.Value.Obligation.Revision.Should().Be(1);
        reused.Kind.Should().Be(OutcomeKind.Unprocessable);
        (await store.HistoryAsync("c/1", "u001", 1, CancellationToken.None)).Should().HaveCount(1);
        UnitTally.Total((await store.UnitsAsync("c/1", CancellationToken.None))!.Values).Submitted.Should().Be(1);
    }

    [Fact]
    public async Task Saves_of_many_units_at_once_with_an_escalation_running_leave_every_units_tally_exact()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 40, tasks: 4);
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "u", "submitted", "{}");

        // Every save writes its unit's mark while a step raises and mends the same units' rows under their ETags.
        Task escalated = store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 1, Escalation(1), CancellationToken.None);
        await Parallel.ForEachAsync(
            Enumerable.Range(1, 40).SelectMany(u => Enumerable.Range(1, 3).Select(t => (Unit: $"u{u:D3}", Task: t))),
            new ParallelOptions { MaxDegreeOfParallelism = 40 },
            async (save, ct) => await store.ChangeAsync("c/1", save.Unit, save.Task, o => save.Task == 3 ? o.SaveDraft() : o.Submit(entry.At, o.Due), entry, null, ct));
        await escalated;

        List<Obligation> all = await store.ListAllAsync("c/1", null, CancellationToken.None);
        IReadOnlyDictionary<string, UnitTally> tallies = (await store.UnitsAsync("c/1", CancellationToken.None))!;
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await store.MarksAsync("c/1", [.. all.Select(o => o.UnitId).Distinct()], CancellationToken.None);
        UnitTally.Total(tallies.Values).Should().Be(CycleCounts.Of(all));
        CycleCounts.Of(all).Submitted.Should().Be(80);
        foreach (IGrouping<string, Obligation> unit in all.GroupBy(o => o.UnitId))
        {
            marks[unit.Key].Should().Equal(unit.OrderBy(o => o.TaskNumber).Select(ObligationMark.Of), $"{unit.Key}'s row holds the mark of each obligation as it stands");
            tallies[unit.Key].Should().BeEquivalentTo(UnitTally.Of(marks[unit.Key]));
        }
    }

    [Fact]
    public async Task A_save_from_the_row_it_read_is_in_its_units_tally_when_it_answers_with_an_escalation_running()
    {
        TableObligationStore store = await NewStoreAsync();
        await OpenAsync(store, units: 30, tasks: 3);
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Each save starts from the row it read (as the save use case does) while the step raises the same units.
        Task escalated = store.EscalateAsync("c/1", Everyone, o => o.IsOwed, 1, Escalation(1), CancellationToken.None);
        await Parallel.ForEachAsync(Enumerable.Range(1, 30).Select(u => $"u{u:D3}"), new ParallelOptions { MaxDegreeOfParallelism = 30 }, async (unit, ct) =>
        {
            Obligation read = (await store.GetAsync("c/1", unit, 2, ct))!;
            Outcome<ChangeResult> saved = await store.ChangeAsync(read, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, unit, "submitted", "{}"), null, ct);
            if (!saved.IsOk || !(await store.MarksAsync("c/1", [unit], ct))[unit].Contains(ObligationMark.Of(saved.Value!.Obligation)))
            {
                missing.Add(unit);
            }
        });
        await escalated;

        missing.Should().BeEmpty("a save answers only once its mark is in its unit's tally row");
        UnitTally.Total((await store.UnitsAsync("c/1", CancellationToken.None))!.Values).Should().Be(CycleCounts.Of(await store.ListAllAsync("c/1", null, CancellationToken.None)));
    }
    [Fact]
    public async Task A_step_mends_a_tally_left_behind_by_a_lost_write_though_this_process_wrote_the_unit_row_last()
    {
        IOptions<StorageOptions> options = await NewOptionsAsync();
        TableObligationStore store = Store(options);
        await OpenAsync(store, units: 2, tasks: 3);
        await SubmitWithoutTallyAsync(options, "u001", 2);

        List<Obligation> observed = await store.ListAllAsync("c/1", null, CancellationToken.None);
        await store.MendAsync("c/1", observed, CancellationToken.None);

        UnitTally.Total((await store.UnitsAsync("c/1", CancellationToken.None))!.Values).Should().Be(CycleCounts.Of(observed));
        (await store.MarksAsync("c/1", ["u001"], CancellationToken.None))["u001"].Should().Contain(ObligationMark.Of(observed.Single(o => o.UnitId == "u001" && o.TaskNumber == 2)));
    }

    [Fact]
    public async Task A_mend_in_a_process_whose_memory_of_a_tally_row_is_stale_reads_it_again_and_loses_no_mark()
    {
        IOptions<StorageOptions> options = await NewOptionsAsync();
        TableObligationStore opener = Store(options);
        TableObligationStore other = Store(options);
        await OpenAsync(opener, units: 2, tasks: 3);
        await SubmitWithoutTallyAsync(options, "u001", 2);
        List<Obligation> observed = await opener.ListAllAsync("c/1", null, CancellationToken.None);

        // Between the step's read and its mend, another instance's save rewrites u001's tally row.
        Outcome<ChangeResult> saved = await other.ChangeAsync("c/1", "u001", 1, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "u001", "submitted", "{}"), null, CancellationToken.None);
        await opener.MendAsync("c/1", observed, CancellationToken.None);

        List<Obligation> all = await other.ListAllAsync("c/1", null, CancellationToken.None);
        all.Single(o => o.UnitId == "u001" && o.TaskNumber == 1).Should().Be(saved.Value!.Obligation);
        (await other.MarksAsync("c/1", ["u001"], CancellationToken.None))["u001"].Should().Equal(all.Where(o => o.UnitId == "u001").OrderBy(o => o.TaskNumber).Select(ObligationMark.Of));
        UnitTally.Total((await other.UnitsAsync("c/1", CancellationToken.None))!.Values).Should().Be(CycleCounts.Of(all));
    }

    /// <summary>A submission committed whose tally write never happened (its instance stopped in between).</summary>
    private static async Task SubmitWithoutTallyAsync(IOptions<StorageOptions> options, string unit, int task)
    {
        TableClient obligations = await new TableClients(options).GetAsync("obligations");
        await obligations.UpdateEntityAsync(new TableEntity($"{TableKeys.Encode("c/1")}|{unit}", $"t{task:D2}") { ["State"] = nameof(ObligationState.Submitted), ["SubmittedAt"] = DateTimeOffset.UtcNow, ["Rev"] = 1 }, Azure.ETag.All, TableUpdateMode.Merge);
    }
}
