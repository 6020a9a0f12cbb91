using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// A minimal SMTP server on loopback (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps every
/// message it accepts. Recipients listed in <see cref="Refuse"/> get 550, as a real relay answers
/// an unknown mailbox.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpSink()
    {
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<(string From, IReadOnlyList<string> To, string Data)> Messages { get; } = new();

    public ConcurrentBag<string> Refuse { get; } = [];

    /// <summary>Every command line the client sent (not message data), to see what crossed the wire.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Advertise AUTH PLAIN/LOGIN and accept any credentials, as a relay that would take a password in clear.</summary>
    public bool OfferAuth { get; init; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        await using (NetworkStream stream = client.GetStream())
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true })
        {
            await writer.WriteLineAsync("220 sink.example.gov.cn ESMTP");
            string from = string.Empty;
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                Commands.Enqueue(line);
                string verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink.example.gov.cn");
                        await writer.WriteLineAsync("250-8BITMIME");
                        if (OfferAuth)
                        {
                            await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                        }

                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "AUTH" when OfferAuth:
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "HELO" or "NOOP" or "RSET":
                        if (verb == "RSET")
                        {
                            to.Clear();
                        }

                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        string rcpt = Address(line);
                        if (Refuse.Contains(rcpt))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                        }
                        else
                        {
                            to.Add(rcpt);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Messages.Enqueue((from, to.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
    }

    private static string Address(string line)
    {
        int start = line.IndexOf('<', StringComparison.Ordinal);
        int end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }
}
