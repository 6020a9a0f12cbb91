using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using SendGrid;
using SixStability.Core.Calendar;
using SixStability.Infrastructure.Audit;
using SixStability.Infrastructure.Calendar;
using SixStability.Infrastructure.Configuration;
using SixStability.Infrastructure.Cycles;
using SixStability.Infrastructure.Links;
using SixStability.Infrastructure.Notifications;
using SixStability.Infrastructure.Notifications.Robots;
using SixStability.Workflow;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;

namespace SixStability.Infrastructure;

/// <summary>The services both hosts (Functions and DevHost) register, in one place.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSixStability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Configure(o =>
        {
            o.ConnectionString = configuration["AzureWebJobsStorage"];
            o.TableServiceUri = configuration["AzureWebJobsStorage:tableServiceUri"] is { Length: > 0 } uri ? new Uri(uri) : null;
            o.BlobServiceUri = configuration["AzureWebJobsStorage:blobServiceUri"] is { Length: > 0 } blobs ? new Uri(blobs) : null;
            o.ClientId = configuration["AzureWebJobsStorage:clientId"];
            o.TablePrefix = configuration["Storage:TablePrefix"] ?? string.Empty;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessCalendar>(_ => HolidayFolder.Load(configuration["Calendar:HolidaysPath"]));
        services.AddSingleton<TableClients>();
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddSingleton<IPlanStore, TablePlanStore>();
        services.AddSingleton<IPlanDraftStore, TablePlanDraftStore>();
        services.AddSingleton<IReportingContactStore, TableReportingContactStore>();
        services.AddSingleton<IDirectoryStore, TableDirectoryStore>();
        services.AddMail(configuration);
        services.AddChannels(configuration);
        services.AddCycles(configuration);
        services.AddAccess(configuration);
        services.AddSingleton(PolicyConfiguration.Policy(configuration));
        services.AddSingleton(PolicyConfiguration.Report(configuration));
        services.AddWorkflow();
        return services;
    }

    /// <summary>Who may do what (<c>Admin:Key</c>, <c>Auth:Roles:*</c>) and the audit trail.</summary>
    private static void AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Configure(o =>
        {
            o.AdminKey = configuration["Admin:Key"];
            foreach (Role role in Enum.GetValues<Role>())
            {
                if (configuration[$"Auth:Roles:{role}"] is { Length: > 0 } appRole)
                {
                    o.AppRoles[role] = appRole.Trim();
                }
            }

            o.TokenKey = DerivedKeys.For(configuration["Links:SigningKey"], DerivedKeys.AntiForgery);
        });
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton(sp => new PageLinks(sp.GetRequiredService<IOptions<LinkOptions>>().Value.BaseUrl));
    }

    /// <summary>The cycle's stores and signed links.</summary>
    private static void AddCycles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkOptions>().Configure(o =>
        {
            o.SigningKey = configuration["Links:SigningKey"];
            o.PreviousSigningKey = configuration["Links:PreviousSigningKey"];
            o.BaseUrl = configuration["Links:BaseUrl"] is { Length: > 0 } url ? new Uri(url.EndsWith('/') ? url : url + "/") : o.BaseUrl;
        });
        services.AddSingleton<HmacLinkSigner>();
        services.AddSingleton<ILinkSigner>(sp => sp.GetRequiredService<HmacLinkSigner>());
        services.AddSingleton<ILinkVerifier>(sp => sp.GetRequiredService<HmacLinkSigner>());
        services.AddSingleton<ICycleStore, TableCycleStore>();
        services.AddOptions<HistoryPurgeOptions>().Configure(o => o.PurgeAfterDays = configuration.GetValue("Durable:PurgeAfterDays", o.PurgeAfterDays));
        services.AddSingleton<TableObligationStore>();
        services.AddSingleton<IObligationStore>(sp => sp.GetRequiredService<TableObligationStore>());
        services.AddSingleton<ICycleTallies>(sp => sp.GetRequiredService<TableObligationStore>());
    }

    /// <summary><c>Mail:Provider</c> picks SendGrid, Smtp or the development file Sink.</summary>
    private static void AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Configure(o =>
        {
            o.Provider = configuration["Mail:Provider"] is { Length: > 0 } p ? p : o.Provider;
            o.From = configuration["Mail:From"] is { Length: > 0 } from ? from : o.From;
            o.FromName = configuration["Mail:FromName"] is { Length: > 0 } name ? name : o.FromName;
            o.SinkPath = configuration["Mail:SinkPath"] is { Length: > 0 } sink ? sink : o.SinkPath;
            o.SendGridApiKey = configuration["SendGrid:ApiKey"];
            o.SendGridHost = configuration["SendGrid:Host"];
            o.SendGridBatchSize = configuration.GetValue("SendGrid:BatchSize", o.SendGridBatchSize);
            o.MaxAttempts = configuration.GetValue("Mail:MaxAttempts", o.MaxAttempts);
            o.FirstBackoff = configuration.GetValue("Mail:FirstBackoff", o.FirstBackoff);
            o.SmtpHost = configuration["Smtp:Host"];
            o.SmtpPort = configuration.GetValue("Smtp:Port", o.SmtpPort);
            o.SmtpTls = SmtpTlsSetting.TryParse(configuration["Smtp:Tls"], out SmtpTls tls)
                ? tls
                : throw new InvalidOperationException($"Smtp:Tls“{configuration["Smtp:Tls"]}”无效：应为 StartTls、SslOnConnect 或 None。");
            o.SmtpUser = configuration["Smtp:User"];
            o.SmtpPassword = configuration["Smtp:Password"];
        });
        services.AddSingleton<ISendGridClient>(sp =>
        {
            MailOptions o = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            var options = new SendGridClientOptions { ApiKey = o.SendGridApiKey ?? throw new InvalidOperationException("Mail:Provider 为 SendGrid 时必须配置 SendGrid:ApiKey。") };
            if (!string.IsNullOrEmpty(o.SendGridHost))
            {
                options.Host = o.SendGridHost;
            }

            return new SendGridClient(options);
        });
        services.AddSingleton<SendGridMailer>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<FileSinkMailer>();
        services.AddSingleton<IMailer>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Provider.ToUpperInvariant() switch
        {
            "SENDGRID" => sp.GetRequiredService<SendGridMailer>(),
            "SMTP" => sp.GetRequiredService<SmtpMailer>(),
            "SINK" => sp.GetRequiredService<FileSinkMailer>(),
            var other => throw new InvalidOperationException($"Mail:Provider“{other}”无效：应为 SendGrid、Smtp 或 Sink。"),
        });
        services.AddSingleton<IMailOutbox, TableMailOutbox>();
    }

    /// <summary>
    /// The group robots (<c>Channels:*</c>): a typed <see cref="HttpClient"/> whose resilience handler retries
    /// transient answers, each robot's allowance kept in Table Storage, and which robots are configured.
    /// </summary>
    private static void AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelOptions>().Configure(o => ChannelOptions.Bind(o, configuration));
        services.AddSingleton<IRobotCatalog, ConfiguredRobots>();
        services.AddSingleton<IRobotPacer, TableRobotPacer>();

        // The dispatcher is a singleton holding this client: connections are recycled by the handler itself.
        services.AddHttpClient<IRobotMessenger, RobotWebhookMessenger>()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("robots", (pipeline, context) =>
            {
                ChannelOptions o = context.ServiceProvider.GetRequiredService<IOptions<ChannelOptions>>().Value;

                // Real waits between real requests, whatever clock the domain runs on (tests fake that one).
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(o.AttemptTimeout * (o.MaxRetries + 1) * 2)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxRetries,
                        Delay = o.FirstBackoff,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => RobotAnswers.ShouldRetryAsync(args.Outcome),
                    })
                    .AddTimeout(o.AttemptTimeout);
            });
    }
}
