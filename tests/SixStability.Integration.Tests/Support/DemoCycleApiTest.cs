namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Base of the API tests that need a unit in an open cycle: the samples loaded and a demo cycle for
/// 2020Q3 open (its first step an hour away), cancelled at the end.
/// </summary>
public abstract class DemoCycleApiTest : DevHostApiTest
{
    protected const string CycleId = DevHostServer.DemoCycleId;

    public override async Task DisposeAsync()
    {
        if (Started)
        {
            await Admin.PostAsync($"/api/cycles/{CycleId}/cancel", null);
        }

        await base.DisposeAsync();
    }

    protected override Task ArrangeAsync() => Server.StartDemoCycleAsync();
}
