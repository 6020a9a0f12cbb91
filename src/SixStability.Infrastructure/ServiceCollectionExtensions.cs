using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Calendar;
using SixStability.Infrastructure.Calendar;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Units;

namespace SixStability.Infrastructure;

/// <summary>The services both hosts (Functions and DevHost) register, in one place.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSixStability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Configure(o =>
        {
            o.ConnectionString = configuration["AzureWebJobsStorage"] is { Length: > 0 } cs ? cs : o.ConnectionString;
            o.TablePrefix = configuration["Storage:TablePrefix"] ?? string.Empty;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>(_ => HolidayFolder.Load(configuration["Calendar:HolidaysPath"]));
        services.AddSingleton<TableClients>();
        services.AddSingleton<IPlanStore, TablePlanStore>();
        services.AddSingleton<IDirectoryStore, TableDirectoryStore>();
        services.AddSingleton<PlanHandlers>();
        services.AddSingleton<DirectoryHandlers>();
        return services;
    }
}
