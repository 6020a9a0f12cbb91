using System.Diagnostics;
using System.Text;

namespace SixStability.Bench.Releases;

/// <summary>
/// A DevHost build run as its own process (a release as it would be deployed): the previous release's
/// build and the current one can take turns on the same storage. Its output is kept for inspection.
/// </summary>
internal sealed class ExternalDevHost : IAsyncDisposable
{
    public const string AdminKey = "release-bench-admin-key";

    public const string SigningKey = "release-bench-signing-key-0123456789";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private ExternalDevHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the process wrote (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="devHostDll">SixStability.DevHost.dll of the build to run.</param>
    /// <param name="storage">Connection string of the Azurite both builds share.</param>
    /// <param name="tablePrefix">Same prefix = same tables and task hub.</param>
    public static async Task<ExternalDevHost> StartAsync(string devHostDll, string storage, string tablePrefix, string mailFolder, int port)
    {
        string address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(devHostDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(devHostDll));
        start.Environment["AzureWebJobsStorage"] = storage;
        start.Environment["Storage__TablePrefix"] = tablePrefix;
        start.Environment["Urls"] = address;
        start.Environment["Links__BaseUrl"] = address;
        start.Environment["Links__SigningKey"] = SigningKey;
        start.Environment["Admin__Key"] = AdminKey;
        start.Environment["Mail__SinkPath"] = mailFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new ExternalDevHost(process, new Uri(address));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (int i = 0; i < 240; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DevHost exited ({process.ExitCode}):\n{host.Output}");
            }

            try
            {
                using HttpResponseMessage answer = await http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(250);
        }

        await host.KillAsync();
        throw new TimeoutException($"DevHost did not answer:\n{host.Output}");
    }

    /// <summary>A client with the admin key.</summary>
    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }

    /// <summary>Stops it as a crash or a deployment's recycle would: kill -9, no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
