using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Infrastructure;

namespace SixStability.Integration.Tests.Support;

/// <summary>The product's own service registration, configured the way an operator would.</summary>
internal static class MailServices
{
    public static async Task<ServiceProvider> CreateAsync(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:TablePrefix"] = "m" + Guid.NewGuid().ToString("N")[..12],
            ["Mail:From"] = "lwlb@example.gov.cn",
            ["Mail:FirstBackoff"] = "00:00:00.010",
            ["Mail:MaxAttempts"] = "3",
        };
        foreach ((string key, string? value) in settings)
        {
            all[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        return new ServiceCollection().AddLogging().AddSixStability(configuration).BuildServiceProvider();
    }
}
