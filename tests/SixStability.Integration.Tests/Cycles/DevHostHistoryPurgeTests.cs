using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>The purge on DevHost's engine (DTFx over Azurite): the closed cycle's rows in the task hub's History and Instances tables are gone, the open one's are all there.</summary>
public sealed class DevHostHistoryPurgeTests
{
    [Fact]
    public async Task The_purge_deletes_a_closed_old_cycles_history_rows_and_leaves_an_open_cycles_rows()
    {
        string prefix = DevHostServer.NewPrefix();
        await using DevHostServer server = await DevHostServer.StartAsync(prefix);
        await server.LoadSamplesAsync();
        using HttpClient admin = server.AdminClient();
        await StartAsync(admin, "2020Q3", 0.5);
        await StartAsync(admin, "2020Q4", 3600);
        ICycleClient engine = server.Services.GetRequiredService<ICycleClient>();
        await WaitAsync(() => engine.GetAsync("jingdezhen-2020Q3", CancellationToken.None), i => i?.RuntimeStatus == "Completed");
        await WaitAsync(() => engine.GetAsync("jingdezhen-2020Q4", CancellationToken.None), i => i?.Progress is not null);
        var history = new TableClient(await SharedAzurite.ConnectionStringAsync(), $"SixStability{prefix}History");
        var instances = new TableClient(await SharedAzurite.ConnectionStringAsync(), $"SixStability{prefix}Instances");
        int closedRows = await CountAsync(history, "jingdezhen-2020Q3");
        int openRows = await CountAsync(history, "jingdezhen-2020Q4");

        CycleHistoryPurge purge = ActivatorUtilities.CreateInstance<CycleHistoryPurge>(server.Services, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(91)));
        IReadOnlyList<PurgeDecision> decisions = await purge.RunAsync(engine, server.Services.GetRequiredService<IOrchestrationHistory>(), CancellationToken.None);

        closedRows.Should().BeGreaterThan(40, "a whole demo cycle's history");
        decisions.Should().Contain(new PurgeDecision("jingdezhen-2020Q3", PurgeOutcome.Purged)).And.Contain(new PurgeDecision("jingdezhen-2020Q4", PurgeOutcome.Open));
        (await CountAsync(history, "jingdezhen-2020Q3")).Should().Be(0);
        (await CountAsync(instances, "jingdezhen-2020Q3")).Should().Be(0);
        (await CountAsync(history, "jingdezhen-2020Q4")).Should().Be(openRows).And.BeGreaterThan(0);
        (await server.Services.GetRequiredService<ICycleStore>().GetAsync("jingdezhen-2020Q3", CancellationToken.None))!.Status.Should().Be(CycleStatus.Closed, "our own tables are never purged");
        using HttpResponseMessage summary = await admin.GetAsync("/api/cycles/jingdezhen-2020Q3/summary?format=json");
        summary.EnsureSuccessStatusCode();
    }

    private static async Task StartAsync(HttpClient admin, string quarter, double secondsPerDay)
    {
        using var body = new StringContent($$"""{ "planId": "jingdezhen", "quarter": "{{quarter}}", "policy": { "kind": "demo", "secondsPerDay": {{secondsPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }""", Encoding.UTF8, "application/json");
        (await admin.PostAsync(new Uri("/api/cycles", UriKind.Relative), body)).EnsureSuccessStatusCode();
    }

    private static async Task<int> CountAsync(TableClient table, string partition)
    {
        int rows = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }

    private static async Task WaitAsync(Func<Task<CycleInstance?>> get, Func<CycleInstance?, bool> until)
    {
        for (int i = 0; i < 600; i++)
        {
            if (until(await get()))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The cycle never got there.");
    }
}
