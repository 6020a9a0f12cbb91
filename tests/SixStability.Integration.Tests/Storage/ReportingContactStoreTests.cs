using Microsoft.Extensions.Options;
using SixStability.Core.Calendar;
using SixStability.Core.Submissions;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Storage;

/// <summary>填报人 / 联系电话 / 审核领导 in Azurite: one row per cycle and the one offered next quarter.</summary>
public sealed class ReportingContactStoreTests
{
    private static async Task<TableReportingContactStore> NewStoreAsync()
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = await SharedAzurite.ConnectionStringAsync(),
            TablePrefix = "c" + Guid.NewGuid().ToString("N")[..12],
        });
        return new TableReportingContactStore(new TableClients(options));
    }

    [Fact]
    public async Task A_late_save_to_an_older_cycle_keeps_that_cycles_contact_but_not_the_one_offered_next()
    {
        TableReportingContactStore store = await NewStoreAsync();
        var q4 = new ReportingContact("王芳", "0798-8222333", "李强");
        var q3 = new ReportingContact("张伟", "0798-8000000", "赵敏");

        await store.PutAsync("p-2020Q4", new Quarter(2020, 4), "rsj", q4, CancellationToken.None);
        await store.PutAsync("p-2020Q3", new Quarter(2020, 3), "rsj", q3, CancellationToken.None);

        (await store.GetAsync("p-2020Q3", "rsj", CancellationToken.None)).Should().Be(q3);
        (await store.LastAsync("rsj", CancellationToken.None)).Should().Be(q4);
        (await store.ListAsync("p-2020Q4", CancellationToken.None)).Should().ContainKey("rsj").WhoseValue.Should().Be(q4);
    }
}
