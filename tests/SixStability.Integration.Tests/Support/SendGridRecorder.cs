using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// A real HTTP server standing in for the SendGrid API: records every POST /v3/mail/send body and
/// answers as the test scripts it (202 by default).
/// </summary>
internal sealed class SendGridRecorder : IAsyncDisposable
{
    private readonly WebApplication app;

    private SendGridRecorder(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Decides the answer from the request number (0-based) and body: status and optional Retry-After seconds.</summary>
    public Func<int, JsonElement, (int Status, int? RetryAfter)> Respond { get; set; } = (_, _) => (202, null);

    public static async Task<SendGridRecorder> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        SendGridRecorder? recorder = null;
        int count = -1;
        app.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body);
            JsonElement body = doc.RootElement.Clone();
            recorder!.Requests.Enqueue(body);
            recorder.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            (int status, int? retryAfter) = recorder.Respond(Interlocked.Increment(ref count), body);
            context.Response.StatusCode = status;
            if (retryAfter is int seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (status >= 400)
            {
                await context.Response.WriteAsJsonAsync(new { errors = new[] { new { message = "scripted failure", field = (string?)null } } });
            }
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        recorder = new SendGridRecorder(app, new Uri(address));
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
