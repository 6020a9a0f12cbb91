using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Http;

/// <summary>
/// One request as a handler sees it on either host: the request, the template's values, the services,
/// and (for routes that command a cycle) the durable engine the host bound for this call.
/// </summary>
public sealed class RouteCall(HttpRequest request, IReadOnlyDictionary<string, string> values, IServiceProvider services, ICycleClient? engine = null)
{
    public HttpRequest Request { get; } = request;

    public CancellationToken Aborted => Request.HttpContext.RequestAborted;

    /// <summary>The durable engine; only routes that start or command cycles are given one.</summary>
    public ICycleClient Engine => engine ?? throw new InvalidOperationException("This route was not given the durable engine.");

    public string Value(string name) => values.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException($"Route value {name} is missing.");

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>A task number from the route, or a 400 naming it.</summary>
    public (int Number, ApiResult? Error) TaskNumber()
    {
        string text = Value("task");
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= 9999
            ? (number, null)
            : (0, ApiResult.BadRequest($"任务编号“{text}”无效。", [new Core.Rules.FieldError("task", "应为 1–9999 的数字。")]));
    }
}
