using System.Diagnostics;
using System.Net.Sockets;

namespace SixStability.DevHost.Azurite;

/// <summary>
/// Azurite from the repository's own npm lock (package-lock.json), started as a plain node process.
/// It ignores SIGTERM, so stopping it kills the process after a short grace.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process process;
    private volatile bool stopping;

    private AzuriteProcess(Process process, StorageEndpoints endpoints)
    {
        this.process = process;
        Endpoints = endpoints;
    }

    public StorageEndpoints Endpoints { get; }

    public static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(StorageEndpoints endpoints, string? dataFolder, TextWriter log, CancellationToken cancellationToken)
    {
        string root = RepositoryRoot.Find() ?? throw new InvalidOperationException(
            "找不到仓库根目录（含 package-lock.json）：请在仓库内运行，或自行启动 Azurite 并设置 AzureWebJobsStorage。");
        string script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await NpmCiAsync(root, log, cancellationToken).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--blobPort");
        start.ArgumentList.Add(endpoints.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--queuePort");
        start.ArgumentList.Add(endpoints.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--tablePort");
        start.ArgumentList.Add(endpoints.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("无法启动 node（需要 Node.js 20）。");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // If it dies later, say why (its own last lines: an out-of-memory abort, a crash) instead of leaving only refused connections.
        process.EnableRaisingEvents = true;
        AzuriteProcess? started = null;
        process.Exited += (_, _) =>
        {
            if (started is null || started.stopping)
            {
                return;
            }

            lock (log)
            {
                log.WriteLine($"Azurite 已退出（退出码 {process.ExitCode}）：{string.Join(Environment.NewLine, output.TakeLast(40))}");
            }
        };
        var azurite = started = new AzuriteProcess(process, endpoints);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite 启动失败（退出码 {process.ExitCode}）：{string.Join(Environment.NewLine, output)}");
            }

            bool ready = true;
            foreach (int port in endpoints.Ports)
            {
                ready &= await AnswersAsync(port, cancellationToken).ConfigureAwait(false);
            }

            if (ready)
            {
                return azurite;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        await azurite.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException("Azurite 在 60 秒内没有开始监听端口。");
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        if (!process.HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                // Already gone, or the OS refused: nothing more we can do here.
            }
        }

        process.Dispose();
    }

    private static async Task NpmCiAsync(string root, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync("未找到 Azurite，正在按 package-lock.json 安装（npm ci）…").ConfigureAwait(false);
        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(npm) ?? throw new InvalidOperationException("无法运行 npm（需要 Node.js 20）。");
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci 失败（退出码 {process.ExitCode}）：{await stderr.ConfigureAwait(false)}");
        }
    }
}
