using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
/// A real HTTP server standing in for both robots' webhooks: WeCom at <c>/wecom/cgi-bin/webhook/send?key=</c>,
/// DingTalk at <c>/dingtalk/robot/send?access_token=&amp;timestamp=&amp;sign=</c>. It knows the robots the test
/// gives it, checks each DingTalk signature against the secret and the clock (as DingTalk does, an hour either
/// way), records every request with that clock's time, and answers as the test scripts it.
/// </summary>
internal sealed class RobotRecorder : IAsyncDisposable
{
    private readonly WebApplication app;

    private RobotRecorder(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public string WeComHost => Address.ToString().TrimEnd('/') + "/wecom";

    public string DingTalkHost => Address.ToString().TrimEnd('/') + "/dingtalk";

    /// <summary>WeCom robots: key → name.</summary>
    public Dictionary<string, string> WeComKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>DingTalk robots: access token → (name, secret).</summary>
    public Dictionary<string, (string Robot, string Secret)> DingTalkTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RobotRequest> Requests { get; } = new();

    /// <summary>The answer to a robot's n-th request (0-based): HTTP status and errcode (0 = accepted).</summary>
    public Func<RobotRequest, int, (int Status, int Errcode, string Errmsg)> Respond { get; set; } = (_, _) => (200, 0, "ok");

    /// <summary>What the recorder's clock says (the test's fake clock, or the system's).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<RobotRequest> Accepted => [.. Requests.Where(r => r.Errcode == 0)];

    public static async Task<RobotRecorder> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        RobotRecorder? recorder = null;
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.MapPost("/wecom/cgi-bin/webhook/send", async (HttpContext context) =>
        {
            string? robot = recorder!.WeComKeys.GetValueOrDefault(context.Request.Query["key"].ToString());
            return await recorder.RecordAsync(context, "wecom", robot, signOk: null, counts, robot is null ? (93000, "invalid webhook url, hint: [recorder]") : null);
        });
        app.MapPost("/dingtalk/robot/send", async (HttpContext context) =>
        {
            (string Robot, string Secret)? known = recorder!.DingTalkTokens.TryGetValue(context.Request.Query["access_token"].ToString(), out var r) ? r : null;
            bool signOk = known is { } k
                && long.TryParse(context.Request.Query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
                && Math.Abs(recorder.Clock.GetUtcNow().ToUnixTimeMilliseconds() - timestamp) <= 3_600_000
                && SignMatches(timestamp, context.Request.Query["sign"].ToString(), k.Secret);
            (int, string)? refusal = known is null ? (300001, "token is not exist") : signOk ? null : (310000, "sign not match");
            return await recorder.RecordAsync(context, "dingtalk", known?.Robot, signOk, counts, refusal);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        recorder = new RobotRecorder(app, new Uri(address));
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>DingTalk's check, written here from its documentation rather than taken from the product.</summary>
    private static bool SignMatches(long timestamp, string sign, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        string expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}\n{secret}")));
        return string.Equals(expected, sign, StringComparison.Ordinal);
    }

    private async Task<IResult> RecordAsync(HttpContext context, string channel, string? robot, bool? signOk, ConcurrentDictionary<string, int> counts, (int Code, string Message)? refusal)
    {
        using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new RobotRequest(channel, robot ?? "?", Clock.GetUtcNow(), doc.RootElement.Clone(), signOk);
        int n = counts.AddOrUpdate($"{channel}:{robot}", 0, (_, c) => c + 1);
        (int status, int errcode, string errmsg) = refusal is { } r ? (200, r.Code, r.Message) : Respond(request, n);
        Requests.Enqueue(request with { Status = status, Errcode = errcode });
        return status == 200 ? Results.Json(new { errcode, errmsg }) : Results.StatusCode(status);
    }
}

/// <param name="SignVerified">DingTalk: whether the signature verified; null for WeCom.</param>
internal sealed record RobotRequest(string Channel, string Robot, DateTimeOffset At, JsonElement Body, bool? SignVerified, int Status = 200, int Errcode = 0)
{
    public string Name => $"{Channel}:{Robot}";

    /// <summary>The message's text as the group reads it (markdown, or the text of a WeCom message that @s).</summary>
    public string Content => Body.GetProperty("msgtype").GetString() switch
    {
        "markdown" when Body.GetProperty("markdown").TryGetProperty("content", out JsonElement c) => c.GetString()!,
        "markdown" => Body.GetProperty("markdown").GetProperty("text").GetString()!,
        _ => Body.GetProperty("text").GetProperty("content").GetString()!,
    };
}
