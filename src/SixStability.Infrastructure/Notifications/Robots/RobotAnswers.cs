using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>
/// What a robot's answer means. Both robots answer HTTP 200 with <c>{"errcode":…,"errmsg":…}</c>, so the
/// status alone says nothing: the body is read, for the retry policy and for the outcome.
/// </summary>
public static class RobotAnswers
{
    /// <summary>WeCom 45009 (api freq out of limit), 45033 (too many concurrent calls); DingTalk 130101 (send too fast, exceed 20 times per minute), 410100 (发送速度太快而限流).</summary>
    private static readonly HashSet<int> RateLimits = [45009, 45033, 130101, 410100];

    /// <summary>WeCom 93000 (invalid webhook url: the key); DingTalk 300001 (token is not exist), 310000 (sign not match, keywords, IP), 400101 (access_token 不存在), 400102 (机器人已停用), 400106 (机器人不存在), 400013 (群已被解散).</summary>
    private static readonly HashSet<int> RobotRefusals = [93000, 300001, 310000, 400101, 400102, 400106, 400013];

    /// <summary>How long a robot wants to be left alone after "too fast": DingTalk blocks the robot for 10 minutes.</summary>
    public static TimeSpan Cooldown(int errcode) => errcode is 130101 or 410100 ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(1);

    /// <summary>For the retry policy: transient HTTP failures (5xx, 408, 429, timeouts, connection errors), a busy robot (-1) and the rate limits.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return true;
        }

        return outcome.Result is { IsSuccessStatusCode: true } response
            && await ErrcodeAsync(response, CancellationToken.None).ConfigureAwait(false) is (int code, _)
            && (code == -1 || RateLimits.Contains(code));
    }

    /// <summary>The outcome once the retries are over.</summary>
    public static async Task<RobotAnswer> ReadAsync(ChannelKind kind, string robot, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string who = $"{kind.DisplayName()}机器人“{robot}”";
        int status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            bool transient = status is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests;
            return new RobotAnswer(transient ? RobotOutcome.Unavailable : RobotOutcome.RobotRefused, $"{who}：HTTP {status}{(transient ? string.Empty : $"（检查 Channels:{kind.Section()}:Host）")}");
        }

        if (await ErrcodeAsync(response, cancellationToken).ConfigureAwait(false) is not (int code, string message))
        {
            return new RobotAnswer(RobotOutcome.Unavailable, $"{who}：应答不是 errcode JSON（HTTP {status}）");
        }

        string error = $"{who}：errcode {code} {Truncate(message)}";
        return code switch
        {
            0 => RobotAnswer.Sent,
            -1 => new RobotAnswer(RobotOutcome.Unavailable, error),
            _ when RateLimits.Contains(code) => new RobotAnswer(RobotOutcome.RateLimited, error, Cooldown(code)),
            _ when RobotRefusals.Contains(code) => new RobotAnswer(RobotOutcome.RobotRefused, $"{error}（检查 {kind.SettingFor(robot)}{(kind == ChannelKind.DingTalk ? " 及其 Secret、安全设置" : string.Empty)}）"),
            _ => new RobotAnswer(RobotOutcome.MessageRefused, error),
        };
    }

    /// <summary>errcode and errmsg from the body, or null when the body is not that JSON.</summary>
    public static async Task<(int Code, string Message)?> ErrcodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false); // read again by whoever looks next
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("errcode", out JsonElement code) && code.TryGetInt32(out int errcode))
            {
                return (errcode, doc.RootElement.TryGetProperty("errmsg", out JsonElement msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? string.Empty : string.Empty);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
