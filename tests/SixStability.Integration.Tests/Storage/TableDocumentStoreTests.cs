using Microsoft.Extensions.Options;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Storage;

public sealed class TableDocumentStoreTests
{
    private static async Task<TablePlanStore> NewStoreAsync()
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = await SharedAzurite.ConnectionStringAsync(),
            TablePrefix = "s" + Guid.NewGuid().ToString("N")[..12],
        });
        return new TablePlanStore(new TableClients(options), TimeProvider.System);
    }

    private static PlanCatalog PlanOfSize(string id, int chars) =>
        new(id, "大方案", [new PlanSection(2, "保居民就业", [new PlanTask(1, "稳岗", new string('稳', chars), ["市人社局"], [], [])])], new DateOnly(2020, 6, 3));

    [Fact]
    public async Task A_plan_larger_than_one_table_property_round_trips()
    {
        TablePlanStore store = await NewStoreAsync();
        PlanCatalog big = PlanOfSize("big", 250_000); // ≈ 9 chunks

        await store.PutAsync(big, null, CancellationToken.None);
        Versioned<PlanCatalog>? read = await store.GetAsync("big", null, CancellationToken.None);

        read!.Value.Should().BeEquivalentTo(big);
    }

    [Fact]
    public async Task Replacing_a_plan_makes_a_new_version_and_the_old_one_stays_readable_by_its_id()
    {
        TablePlanStore store = await NewStoreAsync();
        StoredVersion first = (await store.PutAsync(PlanOfSize("p", 100_000), null, CancellationToken.None)).Value!;

        StoredVersion second = (await store.PutAsync(PlanOfSize("p", 10), first.ETag, CancellationToken.None)).Value!;

        (first.Number, second.Number).Should().Be((1, 2));
        (await store.GetAsync("p", null, CancellationToken.None))!.Value.FindTask(1)!.Text.Should().HaveLength(10);
        (await store.GetAsync("p", first.Id, CancellationToken.None))!.Value.FindTask(1)!.Text.Should().HaveLength(100_000, "a cycle that opened on version 1 keeps reading it");
        (await store.GetAsync("p", "no-such-version", CancellationToken.None)).Should().BeNull();
        (await store.ListAsync(CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task Of_two_concurrent_edits_from_the_same_version_only_one_wins()
    {
        TablePlanStore store = await NewStoreAsync();
        string etag = (await store.PutAsync(PlanOfSize("p", 10), null, CancellationToken.None)).Value!.ETag;

        Outcome<StoredVersion>[] writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.PutAsync(PlanOfSize("p", 20 + i), etag, CancellationToken.None)));

        writes.Count(w => w.IsOk).Should().Be(1);
        writes.Where(w => !w.IsOk).Should().AllSatisfy(w => w.Kind.Should().Be(OutcomeKind.Conflict));
        int winner = Array.FindIndex(writes, w => w.IsOk);
        (await store.GetAsync("p", null, CancellationToken.None))!.Value.FindTask(1)!.Text.Should().HaveLength(20 + winner);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("x#y?z", "x%23y%3Fz")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("市人社局", "市人社局")]
    public void Keys_are_encoded_so_forbidden_characters_never_reach_the_table(string id, string key)
    {
        TableKeys.Encode(id).Should().Be(key);
    }
}
