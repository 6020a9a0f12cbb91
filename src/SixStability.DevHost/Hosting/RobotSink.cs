using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.Server;
using SixStability.Core.Notifications;
using SixStability.Infrastructure.Notifications;
using SixStability.Infrastructure.Notifications.Robots;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// <c>/dev/robots/…</c>: the WeCom and DingTalk webhooks as this machine's stand-ins, answering the way they do —
/// the key, the access token and DingTalk's signature are checked against configuration, a 21st message within a
/// minute to one robot gets its rate-limit errcode — and every accepted message is written beside the mail sink's
/// .eml files, so <c>/dev/mail</c> shows it. <c>Channels:WeCom:Host</c> / <c>Channels:DingTalk:Host</c> = <c>devhost</c>
/// points the product here (the demo does). Only in DevHost, only from this machine.
/// </summary>
internal static class RobotSink
{
    public const string FileSuffix = ".robot.json";

    /// <summary>The <c>Channels:*:Host</c> value meaning "this DevHost's own robot sink".</summary>
    public const string DevHostValue = "devhost";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = true };

    public static IEndpointRouteBuilder MapRobotSink(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/robots/wecom/cgi-bin/webhook/send", async (HttpContext http, IOptions<ChannelOptions> channels, IOptions<MailOptions> mail, Received received, TimeProvider clock) =>
        {
            string key = http.Request.Query["key"].ToString();
            string? robot = channels.Value.WeComRobots.FirstOrDefault(r => r.Value == key).Key;
            if (robot is null)
            {
                return Answer(93000, "invalid webhook url, hint: [devhost robot sink]");
            }

            return await AcceptAsync(http, "wecom", robot, 45009, "api freq out of limit", received, mail.Value, clock.GetUtcNow()).ConfigureAwait(false);
        }).AddEndpointFilter(LoopbackOnly);

        app.MapPost("/dev/robots/dingtalk/robot/send", async (HttpContext http, IOptions<ChannelOptions> channels, IOptions<MailOptions> mail, Received received, TimeProvider clock) =>
        {
            string token = http.Request.Query["access_token"].ToString();
            (string? robot, DingTalkRobot? settings) = channels.Value.DingTalkRobots.Where(r => r.Value.AccessToken == token).Select(r => (r.Key, r.Value)).FirstOrDefault();
            if (robot is null || settings is null)
            {
                return Answer(300001, "token is not exist");
            }

            if (settings.Secret is not null)
            {
                bool timed = long.TryParse(http.Request.Query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
                    && Math.Abs(clock.GetUtcNow().ToUnixTimeMilliseconds() - timestamp) <= TimeSpan.FromHours(1).TotalMilliseconds;
                if (!timed || !DingTalkSignature.Verify(timestamp, http.Request.Query["sign"].ToString(), settings.Secret))
                {
                    return Answer(310000, "sign not match");
                }
            }

            return await AcceptAsync(http, "dingtalk", robot, 130101, "send too fast, exceed 20 times per minute", received, mail.Value, clock.GetUtcNow()).ConfigureAwait(false);
        }).AddEndpointFilter(LoopbackOnly);
        return app;
    }

    /// <summary>Robots whose host is <c>devhost</c> post to this DevHost's own sink, wherever it listens (known once it serves).</summary>
    public static void PointAtThisHost(ChannelOptions options, IServer server)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.WeComHost, DevHostValue, StringComparison.OrdinalIgnoreCase) && !string.Equals(options.DingTalkHost, DevHostValue, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        string self = ServerAddress.Self(server)
            ?? throw new InvalidOperationException("Channels:*:Host 为 devhost，但 DevHost 尚未开始监听，不知道自己的地址。");
        if (string.Equals(options.WeComHost, DevHostValue, StringComparison.OrdinalIgnoreCase))
        {
            options.WeComHost = self + "/dev/robots/wecom";
        }

        if (string.Equals(options.DingTalkHost, DevHostValue, StringComparison.OrdinalIgnoreCase))
        {
            options.DingTalkHost = self + "/dev/robots/dingtalk";
        }
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, string channel, string robot, int tooFast, string tooFastMessage, Received received, MailOptions mail, DateTimeOffset now)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?["msgtype"]?.GetValue<string>() is not ("markdown" or "text"))
        {
            return Answer(channel == "wecom" ? 40008 : 400105, "invalid message type");
        }

        if (!received.TryTake($"{channel}:{robot}", now, PacePolicy.Robots))
        {
            return Answer(tooFast, tooFastMessage);
        }

        string folder = Path.GetFullPath(mail.SinkPath);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{now:yyyyMMddTHHmmssfff}-{channel}-{Safe(robot)}-{Guid.NewGuid().ToString("N")[..8]}{FileSuffix}");
        var record = new JsonObject { ["channel"] = channel, ["robot"] = robot, ["receivedAt"] = now, ["body"] = body };
        await File.WriteAllTextAsync(path + ".tmp", record.ToJsonString(Readable), http.RequestAborted).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true); // readers never see half a file
        return Answer(0, "ok");
    }

    /// <summary>A robot's name as part of a file name (start-up checks allow only [a-z0-9_], this holds whatever comes).</summary>
    private static string Safe(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' ? c : '_'));

    private static IResult Answer(int errcode, string errmsg) => Results.Json(new { errcode, errmsg });

    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            ? await next(context).ConfigureAwait(false)
            : Results.NotFound();

    /// <summary>What each stand-in robot accepted lately, to answer "too fast" as the real ones do.</summary>
    internal sealed class Received
    {
        private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> byRobot = new(StringComparer.Ordinal);

        public bool TryTake(string robot, DateTimeOffset now, PacePolicy policy)
        {
            Queue<DateTimeOffset> times = byRobot.GetOrAdd(robot, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                while (times.Count > 0 && times.Peek() <= now - policy.Window)
                {
                    times.Dequeue();
                }

                if (times.Count >= policy.Messages)
                {
                    return false;
                }

                times.Enqueue(now);
                return true;
            }
        }
    }
}
