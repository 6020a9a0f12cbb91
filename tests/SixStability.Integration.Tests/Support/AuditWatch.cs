using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SixStability.DevHost.Hosting.SignIn;
using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Watches every request a test DevHost serves: each successful call of a route that records an action
/// (<see cref="ApiRoute.Audit"/>) is one action by the caller the host saw. When the host is disposed,
/// <see cref="VerifyAsync"/> checks that the audit trail gained exactly one row per such action, with that
/// actor — for every integration test that runs on a <see cref="DevHostServer"/>.
/// </summary>
internal sealed class AuditWatch : IStartupFilter
{
    private readonly ConcurrentQueue<(AuditAction Action, string ActorId, string Route)> actions = new();
    private HashSet<string> before = [];

    public int Actions => actions.Count;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            await proceed(context);
            if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name
                && Routes.All.FirstOrDefault(r => r.Name == name) is { Audit: { } action }
                && context.Response.StatusCode is >= 200 and < 300)
            {
                IServiceProvider services = context.RequestServices;
                Actor? actor = services.GetRequiredService<CallerResolver>().Resolve(context.Request, services.GetRequiredService<DevSessions>().Read(context), null).Actor;
                actions.Enqueue((action, actor?.Id ?? "(nobody)", name));
            }
        });
        next(app);
    };

    /// <summary>Remembers the rows already there (a restarted host on the same tables).</summary>
    public async Task StartAsync(IAuditLog log) => before = [.. (await log.ListAsync(new AuditFilter(), int.MaxValue, CancellationToken.None)).Select(Key)];

    public async Task VerifyAsync(IAuditLog log)
    {
        string[] recorded = [.. (await log.ListAsync(new AuditFilter(), int.MaxValue, CancellationToken.None)).Where(e => !before.Contains(Key(e))).Select(e => $"{e.Action} by {e.ActorId}").Order(StringComparer.Ordinal)];
        string[] done = [.. actions.Select(a => $"{a.Action} by {a.ActorId}").Order(StringComparer.Ordinal)];
        if (!recorded.SequenceEqual(done, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"The audit trail does not match the actions this host served. Served: [{string.Join(", ", done)}]; recorded: [{string.Join(", ", recorded)}].");
        }
    }

    private static string Key(AuditEntry e) => $"{e.At.UtcTicks}|{e.ActorId}|{e.Action}|{e.Subject}|{e.After}";
}
