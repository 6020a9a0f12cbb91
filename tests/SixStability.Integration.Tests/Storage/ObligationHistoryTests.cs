using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Infrastructure.Cycles;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Storage;

/// <summary>Every revision is kept, and an entity never exceeds Table limits: long text goes to a blob.</summary>
public sealed class ObligationHistoryTests
{
    private static async Task<(TableObligationStore Store, TableClients Tables, StorageOptions Options)> NewStoreAsync()
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = await SharedAzurite.ConnectionStringAsync(),
            TablePrefix = "h" + Guid.NewGuid().ToString("N")[..12],
        });
        var tables = new TableClients(options);
        return (new TableObligationStore(tables, new AzureBlobStore(options)), tables, options.Value);
    }

    [Fact]
    public async Task A_revision_longer_than_a_table_property_is_kept_whole_through_a_blob()
    {
        (TableObligationStore store, TableClients tables, _) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj#", 3, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);
        string longText = "{\"narrative\":\"" + new string('稳', 40_000) + "\"}"; // 80 KB as UTF-16: over the 64 KB property limit

        await store.ChangeAsync("c/1", "rsj#", 3, o => o.Submit(DateTimeOffset.UtcNow, o.Due, new ReportedFigures(ReportedFigures.Done, [new IndicatorReading("户数", 12000m)])), new HistoryEntry(DateTimeOffset.UtcNow, "rsj#", "submitted", longText), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj#", 3, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "rsj#", "submitted", "{\"narrative\":\"短\"}"), null, CancellationToken.None);
        IReadOnlyList<HistoryEntry> history = await store.HistoryAsync("c/1", "rsj#", 3, CancellationToken.None);
        Obligation stored = (await store.ListUnitAsync("c/1", "rsj#", CancellationToken.None)).Single();
        TableClient table = await tables.GetAsync("obligations");
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey gt {"h"} and RowKey lt {"i"}")))
        {
            rows.Add(row);
        }

        history.Select(h => h.Detail).Should().Equal(longText, "{\"narrative\":\"短\"}");
        rows.Should().HaveCount(2).And.OnlyContain(r => (r.GetString("Detail") ?? string.Empty).Length <= TableObligationStore.MaxInlineDetail);
        stored.Revision.Should().Be(2);
        stored.Figures!.Readings.Should().Equal(new IndicatorReading("户数", 12000m));
    }

    [Fact]
    public async Task A_units_history_comes_back_per_task_oldest_first_without_other_units_rows()
    {
        (TableObligationStore store, _, _) = await NewStoreAsync();
        var due = new DateOnly(2020, 10, 14);
        await store.AddMissingAsync(
            [
                new Obligation("c/1", "rsj#", 1, true, ObligationState.Outstanding, due),
                new Obligation("c/1", "rsj#", 12, false, ObligationState.Outstanding, due),
                new Obligation("c/1", "rsj", 1, true, ObligationState.Outstanding, due),
            ],
            CancellationToken.None);
        DateTimeOffset at = DateTimeOffset.UtcNow;
        string longText = new('保', 40_000);

        await store.ChangeAsync("c/1", "rsj#", 12, o => o, new HistoryEntry(at, "rsj#", "draft", "十二·一"), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj#", 1, o => o, new HistoryEntry(at.AddSeconds(1), "rsj#", "draft", "一·一"), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj#", 12, o => o, new HistoryEntry(at.AddSeconds(2), "rsj#", "submitted", longText), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj", 1, o => o, new HistoryEntry(at, "rsj", "draft", "别的单位"), null, CancellationToken.None);
        IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> history = await store.UnitHistoryAsync("c/1", "rsj#", CancellationToken.None);

        history.Keys.Should().BeEquivalentTo([1, 12]);
        history[1].Select(h => h.Detail).Should().Equal("一·一");
        history[12].Select(h => h.Detail).Should().Equal("十二·一", longText);
        history[12].Select(h => h.Detail).Should().Equal((await store.HistoryAsync("c/1", "rsj#", 12, CancellationToken.None)).Select(h => h.Detail));
    }

    [Fact]
    public async Task Concurrent_long_revisions_each_keep_exactly_one_blob()
    {
        (TableObligationStore store, _, StorageOptions options) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj", 3, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);

        // Eight clerks save at once: most of them lose an ETag race and retry.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => store.ChangeAsync(
            "c/1", "rsj", 3, o => o, new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "draft", new string((char)('甲' + i), 40_000)), null, CancellationToken.None)));
        IReadOnlyList<HistoryEntry> history = await store.HistoryAsync("c/1", "rsj", 3, CancellationToken.None);
        var blobs = new List<string>();
        await foreach (Azure.Storage.Blobs.Models.BlobItem blob in new Azure.Storage.Blobs.BlobContainerClient(options.ConnectionString, options.TablePrefix + "history").GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        history.Should().HaveCount(8);
        history.Select(h => h.Detail![0]).Should().OnlyHaveUniqueItems();
        blobs.Should().HaveCount(8, "a retried write reuses its blob instead of leaving an orphan");
        (await store.ListUnitAsync("c/1", "rsj", CancellationToken.None)).Single().Revision.Should().Be(8);
    }

    [Fact]
    public async Task A_change_that_read_before_the_seal_and_commits_after_it_is_refused_and_stores_nothing()
    {
        (TableObligationStore store, _, _) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj", 3, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj", 3, o => o.SaveDraft(), new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "draft", "{}"), null, CancellationToken.None);

        // The close seals the cycle after this submission read the obligation and before it commits.
        Outcome<ChangeResult> submitted = await store.ChangeAsync(
            "c/1",
            "rsj",
            3,
            o =>
            {
                store.SealAsync("c/1", CancellationToken.None).GetAwaiter().GetResult();
                return o.Submit(DateTimeOffset.UtcNow, o.Due);
            },
            new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "submitted", "{}"),
            null,
            CancellationToken.None);

        submitted.Kind.Should().Be(OutcomeKind.Closed);
        submitted.Message.Should().Be("本周期已关闭，不能再报送或修改。");
        Obligation stored = (await store.ListUnitAsync("c/1", "rsj", CancellationToken.None)).Single();
        stored.State.Should().Be(ObligationState.Draft);
        stored.Revision.Should().Be(1);
        (await store.HistoryAsync("c/1", "rsj", 3, CancellationToken.None)).Select(h => h.What).Should().Equal("draft");
    }

    [Fact]
    public async Task After_the_seal_a_retried_submission_still_replays_but_a_new_one_is_refused_and_other_cycles_are_untouched()
    {
        (TableObligationStore store, _, _) = await NewStoreAsync();
        var due = new DateOnly(2020, 10, 14);
        await store.AddMissingAsync(
            [new Obligation("c/1", "rsj", 3, true, ObligationState.Outstanding, due), new Obligation("c/1", "fgw", 3, false, ObligationState.Outstanding, due), new Obligation("c/2", "rsj", 3, true, ObligationState.Outstanding, due)],
            CancellationToken.None);
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "submitted", "{}");
        await store.ChangeAsync("c/1", "rsj", 3, o => o.Submit(entry.At, o.Due), entry, new Idempotency("key-1", "f1"), CancellationToken.None);

        await store.SealAsync("c/1", CancellationToken.None);
        await store.SealAsync("c/1", CancellationToken.None); // a retried close seals again
        Outcome<ChangeResult> replay = await store.ChangeAsync("c/1", "rsj", 3, o => o.Submit(entry.At, o.Due), entry, new Idempotency("key-1", "f1"), CancellationToken.None);
        Outcome<ChangeResult> other = await store.ChangeAsync("c/1", "fgw", 3, o => o.Submit(entry.At, o.Due), entry with { Who = "fgw" }, null, CancellationToken.None);
        Obligation nextCycle = (await store.ChangeAsync("c/2", "rsj", 3, o => o.Submit(entry.At, o.Due), entry, null, CancellationToken.None)).Value!.Obligation;

        replay.Value!.Replayed.Should().BeTrue();
        other.Kind.Should().Be(OutcomeKind.Closed);
        (await store.ListUnitAsync("c/1", "fgw", CancellationToken.None)).Single().State.Should().Be(ObligationState.Outstanding);
        nextCycle.State.Should().Be(ObligationState.Submitted);
    }

    [Fact]
    public async Task The_close_sweep_removes_only_detail_blobs_no_history_row_names()
    {
        (TableObligationStore store, _, StorageOptions options) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj", 3, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);
        string longText = new('稳', 40_000);
        await store.ChangeAsync("c/1", "rsj", 3, o => o, new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "draft", longText), null, CancellationToken.None);
        var blobs = new AzureBlobStore(Options.Create(options));
        string orphan = Uri.EscapeDataString("c%2F1|rsj") + "/left-behind.json"; // a process died between the blob and the row
        await blobs.PutAsync("history", orphan, new byte[] { 1 }, "application/json", CancellationToken.None);

        int removed = await store.RemoveOrphanDetailsAsync("c/1", CancellationToken.None);

        removed.Should().Be(1);
        (await blobs.GetAsync("history", orphan, CancellationToken.None)).Should().BeNull();
        (await store.HistoryAsync("c/1", "rsj", 3, CancellationToken.None)).Single().Detail.Should().Be(longText, "the blob a row names is kept");
    }

    [Fact]
    public async Task A_change_from_a_row_read_before_another_commit_reads_again_and_loses_neither()
    {
        (TableObligationStore store, _, _) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj", 1, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);
        Obligation read = (await store.GetAsync("c/1", "rsj", 1, CancellationToken.None))!;

        await store.ChangeAsync("c/1", "rsj", 1, o => o.SaveDraft(), new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "draft", "{\"narrative\":\"先\"}"), null, CancellationToken.None);
        Outcome<ChangeResult> late = await store.ChangeAsync(read, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "submitted", "{\"narrative\":\"后\"}"), null, CancellationToken.None);

        late.IsOk.Should().BeTrue();
        late.Value!.Obligation.Revision.Should().Be(2, "it committed over the draft, not over the row it first read");
        (await store.HistoryAsync("c/1", "rsj", 1, CancellationToken.None)).Select(h => h.What).Should().Equal("draft", "submitted");
    }

    [Fact]
    public async Task A_change_from_a_row_read_before_the_seal_is_refused_as_closed()
    {
        (TableObligationStore store, _, _) = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "rsj", 1, true, ObligationState.Outstanding, new DateOnly(2020, 10, 14))], CancellationToken.None);
        Obligation read = (await store.GetAsync("c/1", "rsj", 1, CancellationToken.None))!;

        await store.SealAsync("c/1", CancellationToken.None);
        Outcome<ChangeResult> late = await store.ChangeAsync(read, o => o.Submit(DateTimeOffset.UtcNow, o.Due), new HistoryEntry(DateTimeOffset.UtcNow, "rsj", "submitted", "{}"), null, CancellationToken.None);

        late.Kind.Should().Be(OutcomeKind.Closed);
        (await store.HistoryAsync("c/1", "rsj", 1, CancellationToken.None)).Should().BeEmpty();
        (await store.GetAsync("c/1", "rsj", 1, CancellationToken.None))!.State.Should().Be(ObligationState.Outstanding);
    }
}
