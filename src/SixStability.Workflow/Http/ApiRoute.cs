namespace SixStability.Workflow.Http;

/// <summary>
/// One route both hosts serve: method and template, who may call it, what it takes and answers (for
/// the OpenAPI document), and the handler both hosts call. DevHost maps its endpoints from these; the
/// Function app's triggers are checked against them.
/// </summary>
/// <param name="Name">The Function app's function name for this route.</param>
public sealed record ApiRoute(string Name, string Method, string Template, RouteAccess Access, string Summary, Func<RouteCall, Task<ApiResult>> Handle)
{
    /// <summary>The JSON body's type, for the OpenAPI document.</summary>
    public Type? Body { get; init; }

    /// <summary>A body that is not JSON (plan text, an uploaded file, a form post): its media types.</summary>
    public IReadOnlyList<string> BodyMediaTypes { get; init; } = [];

    /// <summary>The success answer's JSON type; null for files and pages.</summary>
    public Type? Response { get; init; }

    public int SuccessStatus { get; init; } = 200;

    /// <summary>What the success answer is when it is not JSON (text/html, a download).</summary>
    public string? ResponseMediaType { get; init; }

    /// <summary>Query parameters it reads, with what each means.</summary>
    public IReadOnlyList<(string Name, string Description)> Query { get; init; } = [];

    /// <summary>Request headers it honours (If-Match, Idempotency-Key).</summary>
    public IReadOnlyList<(string Name, string Description)> Headers { get; init; } = [];

    /// <summary>The action a successful call records in the audit trail (its use case records it); null for reads.</summary>
    public AuditAction? Audit { get; init; }

    /// <summary>
    /// A page for people, outside <c>api/</c> (<c>/coord</c>, <c>/u</c>): without a sign-in it sends the browser to
    /// sign in; an API route (the summary's HTML included) answers 401.
    /// </summary>
    public bool IsPage => ResponseMediaType?.StartsWith("text/html", StringComparison.Ordinal) == true && !Template.StartsWith("api/", StringComparison.Ordinal);

    /// <summary>The {names} in the template, in order.</summary>
    public IReadOnlyList<string> Parameters =>
        [.. Template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1])];
}
