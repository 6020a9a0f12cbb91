using Microsoft.Extensions.DependencyInjection;

namespace SixStability.Workflow.Http;

/// <summary>
/// One request as a handler sees it on either host: the request, the template's values, the services,
/// (for routes that command a cycle) the durable engine the host bound for this call, and who is calling
/// as the host established it.
/// </summary>
public sealed class RouteCall(HttpRequest request, IReadOnlyDictionary<string, string> values, IServiceProvider services, ICycleClient? engine = null, Caller? caller = null)
{
    public HttpRequest Request { get; } = request;

    /// <summary>Who sent the request (nobody, a key, a signed-in person); checked against the route before its handler runs.</summary>
    public Caller Caller { get; } = caller ?? Caller.Anonymous(null);

    /// <summary>The person or key acting: present on every route for people once the access check let it through.</summary>
    public Actor Actor => Caller.Actor ?? throw new InvalidOperationException("This route was reached without a caller; the access check should have refused it.");

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
