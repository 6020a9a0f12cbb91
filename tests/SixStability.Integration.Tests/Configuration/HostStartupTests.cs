using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SixStability.DevHost.Azurite;
using SixStability.Functions.Http;
using SixStability.Infrastructure.Configuration;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Configuration;

/// <summary>Both hosts refuse, before serving, a configuration that would fail later or serve with published keys.</summary>
public sealed class HostStartupTests
{
    private const string SendGridReference = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/sendgrid-api-key/)";

    [Fact]
    public async Task DevHost_with_an_unresolved_SendGrid_key_and_the_SendGrid_provider_does_not_start()
    {
        Func<Task> start = async () => await (await DevHostServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "SendGrid",
            ["SendGrid:ApiKey"] = SendGridReference,
        })).DisposeAsync();

        (await start.Should().ThrowAsync<StartupConfigurationException>())
            .Which.Message.Should().Contain("DevHost 拒绝启动").And.Contain("SendGrid:ApiKey").And.Contain("sendgrid-api-key").And.Contain("azd provision");
    }

    [Fact]
    public async Task DevHost_with_the_same_reference_and_the_Smtp_provider_starts_and_serves()
    {
        await using DevHostServer server = await DevHostServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Provider"] = "Smtp",
            ["Smtp:Host"] = "127.0.0.1",
            ["SendGrid:ApiKey"] = SendGridReference,
        });
        using HttpClient admin = server.AdminClient();

        using HttpResponseMessage directory = await admin.GetAsync("/api/directory");

        directory.StatusCode.Should().Be(HttpStatusCode.NotFound, "the host serves: no directory has been loaded yet");
    }

    [Fact]
    public async Task The_DevHost_process_exits_with_the_message_on_stderr()
    {
        (int code, string output, string errors) = await RunAsync(Path.Combine(Path.GetDirectoryName(typeof(DevHostServer).Assembly.Location)!, "SixStability.DevHost.dll"), new Dictionary<string, string?>
        {
            ["Mail__Provider"] = "SendGrid",
            ["SendGrid__ApiKey"] = SendGridReference,
        });

        code.Should().Be(1, output + errors);
        errors.Should().Contain("SendGrid:ApiKey（应用设置 SendGrid__ApiKey）仍是未解析的 Key Vault 引用");
    }

    [Fact]
    public async Task The_Function_app_worker_exits_with_the_message_before_serving()
    {
        (int code, string output, string errors) = await RunAsync(typeof(HttpFunctions).Assembly.Location, new Dictionary<string, string?>
        {
            ["Links__SigningKey"] = "own-signing-key-for-this-test",
            ["Mail__Provider"] = "SendGrid",
            ["SendGrid__ApiKey"] = SendGridReference,
        });

        code.Should().Be(1, output + errors);
        errors.Should().Contain("函数应用 拒绝启动").And.Contain("SendGrid:ApiKey").And.Contain("--name sendgrid-api-key");
    }

    [Fact]
    public async Task The_Function_app_worker_refuses_the_published_signing_key()
    {
        (int code, _, string errors) = await RunAsync(typeof(HttpFunctions).Assembly.Location, new Dictionary<string, string?>
        {
            ["Links__SigningKey"] = StartupChecks.DevelopmentSigningKey,
            ["Mail__Provider"] = "Sink",
        });

        code.Should().Be(1);
        errors.Should().Contain("Links:SigningKey 仍是仓库里公开的开发值").And.Contain("函数应用从不接受开发密钥");
    }

    [Fact]
    public async Task DevHost_refuses_the_published_keys_when_it_listens_beyond_loopback()
    {
        Func<Task> start = async () => await (await DevHostServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://0.0.0.0:{LoopbackPorts.Free()}",
            ["Admin:Key"] = StartupChecks.DevelopmentAdminKey,
        })).DisposeAsync();

        string message = (await start.Should().ThrowAsync<StartupConfigurationException>()).Which.Message;

        message.Should().Contain("Admin:Key 仍是仓库里公开的开发值").And.Contain("Links:SigningKey 仍是仓库里公开的开发值").And.Contain("0.0.0.0");
    }

    [Fact]
    public async Task DevHost_with_its_own_keys_starts_on_every_interface()
    {
        await using DevHostServer server = await DevHostServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://0.0.0.0:{LoopbackPorts.Free()}",
            ["Links:SigningKey"] = "own-signing-key-for-this-test",
        });
        using HttpClient admin = server.AdminClient();

        (await admin.GetAsync("/api/directory")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/dev/mail", "192.0.2.10", 404)]
    [InlineData("/dev/mail", "10.1.2.3", 404)]
    [InlineData("/dev/mail/{name}", "192.0.2.10", 404)]
    [InlineData("/dev/mail", "127.0.0.1", 200)]
    [InlineData("/dev/mail", "::1", 200)]
    [InlineData("/dev/mail/{name}", "127.0.0.1", 404)] // reaches the page: no such mail
    public async Task The_mail_sink_answers_only_requests_from_this_machine(string route, string peer, int status)
    {
        await using DevHostServer server = await DevHostServer.StartAsync();
        RouteEndpoint sink = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == route);
        var context = new DefaultHttpContext { RequestServices = server.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Method = "GET";
        context.Request.Path = route.Replace("{name}", "x.eml", StringComparison.Ordinal);
        context.Request.RouteValues["name"] = "x.eml";
        context.Response.Body = new MemoryStream();

        await sink.RequestDelegate!(context);

        context.Response.StatusCode.Should().Be(status);
        bool local = IPAddress.IsLoopback(IPAddress.Parse(peer));
        (context.Response.Body.Length > 0).Should().Be(local, "only this machine gets a page; elsewhere learns nothing about the sink");
    }

    /// <summary>Runs a host's own assembly as a process, as Azure or a newcomer starts it; 60 s at most.</summary>
    private static async Task<(int Code, string Output, string Errors)> RunAsync(string assembly, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach ((string key, string? value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host did not exit within 60 s: it started instead of refusing.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
