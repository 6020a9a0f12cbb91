using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>What most API tests start from: the samples loaded, a demo cycle open, units with their links.</summary>
internal sealed partial class DevHostServer
{
    public const string DemoCycleId = "jingdezhen-2020Q3";

    /// <summary>A unit's client, carrying the signed link its mail would carry.</summary>
    public HttpClient UnitClient(string unitId, string cycleId = DemoCycleId, int days = 30)
    {
        HttpClient client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", UnitToken(unitId, cycleId, days));
        return client;
    }

    public string UnitToken(string unitId, string cycleId = DemoCycleId, int days = 30)
    {
        Uri link = Services.GetRequiredService<ILinkSigner>().UnitLink(unitId, cycleId, DateTimeOffset.UtcNow.AddDays(days));
        return Uri.UnescapeDataString(link.Query[3..]);
    }

    /// <summary>Loads the sample directory and plan as the coordinator would.</summary>
    public async Task LoadSamplesAsync()
    {
        using HttpClient admin = AdminClient();
        (await admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json")).EnsureSuccessStatusCode();
        (await admin.PutTextAsync("/api/plans/jingdezhen", Samples.Read("jingdezhen.txt"))).EnsureSuccessStatusCode();
    }

    /// <summary>Loads the samples and opens a demo cycle for 2020Q3 whose first step is an hour away.</summary>
    public async Task StartDemoCycleAsync()
    {
        await LoadSamplesAsync();
        using HttpClient admin = AdminClient();
        using var body = new StringContent("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""", Encoding.UTF8, "application/json");
        (await admin.PostAsync("/api/cycles", body)).EnsureSuccessStatusCode();
        for (int i = 0; i < 300; i++)
        {
            using HttpResponseMessage get = await admin.GetAsync($"/api/cycles/{DemoCycleId}");
            if ((await get.Content.ReadAsStringAsync()).Contains("\"counts\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo cycle did not open.");
    }
}
