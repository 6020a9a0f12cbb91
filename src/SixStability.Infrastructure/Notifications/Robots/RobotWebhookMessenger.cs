using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>
/// The robots' webhooks as plain HTTPS JSON through a typed <see cref="HttpClient"/> from DI, whose resilience
/// handler retries 5xx, timeouts, a busy robot and the robots' rate-limit errcodes (read from the 200 body).
/// WeCom: <c>POST {Host}/cgi-bin/webhook/send?key=KEY</c>. DingTalk: <c>POST {Host}/robot/send?access_token=TOKEN</c>,
/// signed with <c>timestamp</c> and <c>sign</c> when the robot has a secret.
/// </summary>
public sealed partial class RobotWebhookMessenger(HttpClient http, IOptions<ChannelOptions> options, TimeProvider clock, ILogger<RobotWebhookMessenger> logger) : IRobotMessenger
{
    public async Task<RobotAnswer> SendAsync(ChannelKind kind, string robot, RobotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using HttpRequestMessage? request = Request(kind, robot, message);
        if (request is null)
        {
            return new RobotAnswer(RobotOutcome.RobotRefused, $"{kind.DisplayName()}机器人“{robot}”未配置（{kind.SettingFor(robot)}）。");
        }

        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            RobotAnswer answer = await RobotAnswers.ReadAsync(kind, robot, response, cancellationToken).ConfigureAwait(false);
            if (answer.Outcome != RobotOutcome.Sent)
            {
                LogNotSent(logger, kind, robot, answer.Outcome, answer.Error);
            }

            return answer;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, kind, robot, ex.Message);
            return new RobotAnswer(RobotOutcome.Unavailable, $"{kind.DisplayName()}机器人“{robot}”无法连接：{ex.Message}");
        }
    }

    private HttpRequestMessage? Request(ChannelKind kind, string robot, RobotMessage message)
    {
        ChannelOptions settings = options.Value;
        switch (kind)
        {
            case ChannelKind.WeCom when settings.WeComRobots.TryGetValue(robot, out string? key):
                return new HttpRequestMessage(HttpMethod.Post, $"{settings.WeComHost.TrimEnd('/')}/cgi-bin/webhook/send?key={Uri.EscapeDataString(key)}")
                {
                    Content = RobotRequests.Content(RobotRequests.WeCom(message)),
                };
            case ChannelKind.DingTalk when settings.DingTalkRobots.TryGetValue(robot, out DingTalkRobot? ding):
                string signed = ding.Secret is null ? string.Empty : DingTalkSignature.Query(clock.GetUtcNow().ToUnixTimeMilliseconds(), ding.Secret);
                return new HttpRequestMessage(HttpMethod.Post, $"{settings.DingTalkHost.TrimEnd('/')}/robot/send?access_token={Uri.EscapeDataString(ding.AccessToken)}{signed}")
                {
                    Content = RobotRequests.Content(RobotRequests.DingTalk(message)),
                };
            default:
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} robot {Robot}: {Outcome}, {Error}")]
    private static partial void LogNotSent(ILogger logger, ChannelKind kind, string robot, RobotOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} robot {Robot} unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, ChannelKind kind, string robot, string reason);
}
