using Microsoft.AspNetCore.Mvc;

namespace SixStability.Workflow.Http;

/// <summary>
/// What a handler answers. It is both an <see cref="IResult"/> (DevHost's minimal APIs) and an
/// <see cref="IActionResult"/> (Functions' ASP.NET Core integration), so both hosts write the same bytes.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    private readonly byte[] body;

    private ApiResult(int status, string contentType, byte[] body, string? etag)
    {
        Status = status;
        ContentType = contentType;
        this.body = body;
        ETag = etag;
    }

    public int Status { get; }

    public string ContentType { get; }

    public string? ETag { get; }

    public string? DownloadName { get; private init; }

    public string? Location { get; private init; }

    public int? RetryAfterSeconds { get; private init; }

    /// <summary>How long a static file may be cached; everything else is no-store.</summary>
    public int? CacheSeconds { get; private init; }

    /// <summary>A document made for mail, whose styles are inline (<see cref="SecurityHeaders"/>).</summary>
    public bool MailDocument { get; private init; }

    /// <summary><c>Set-Cookie</c> values (the anti-forgery cookie of a signed-in page, DevHost's session).</summary>
    public IReadOnlyList<string> Cookies { get; private init; } = [];

    /// <summary>303 after a form post, so a refresh does not post again.</summary>
    public static ApiResult SeeOther(string location) => new(StatusCodes.Status303SeeOther, "text/plain; charset=utf-8", [], null) { Location = location };

    /// <summary>302 to another page of this site (a page without a sign-in goes to sign in).</summary>
    public static ApiResult Found(string location) => new(StatusCodes.Status302Found, "text/plain; charset=utf-8", [], null) { Location = location };

    /// <summary>The same answer, also setting these cookies.</summary>
    public ApiResult WithCookies(params string?[] cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        string[] set = [.. cookies.OfType<string>()];
        return set.Length == 0 ? this : new(Status, ContentType, body, ETag)
        {
            DownloadName = DownloadName,
            Location = Location,
            RetryAfterSeconds = RetryAfterSeconds,
            CacheSeconds = CacheSeconds,
            MailDocument = MailDocument,
            Cookies = [.. Cookies, .. set],
        };
    }

    public static ApiResult Json<T>(int status, T value, string? etag = null) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Core.Text.Json.Options), etag);

    /// <summary>A page for people (the unit's form, the coordinator's view, a zh-CN error page).</summary>
    /// <param name="mailDocument">The page shows a mail as written, with its inline styles (<see cref="SecurityHeaders.MailDocumentPolicy"/>).</param>
    public static ApiResult Html(int status, string html, bool mailDocument = false) =>
        new(status, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(html), null) { MailDocument = mailDocument };

    /// <summary>A static file of the pages (stylesheet, script): cacheable for a while, never sniffed.</summary>
    public static ApiResult Asset(byte[] content, string contentType) =>
        new(StatusCodes.Status200OK, contentType, content, null) { CacheSeconds = 3600 };

    /// <summary>A stored file (an attachment, a rendered summary), offered for download under its own name.</summary>
    /// <remarks>An HTML file shown in the browser is the summary, written to be mailed: its styles are inline (<see cref="SecurityHeaders.MailDocumentPolicy"/>).</remarks>
    public static ApiResult File(ReadOnlyMemory<byte> content, string contentType, string? downloadName = null) =>
        new(StatusCodes.Status200OK, contentType, content.ToArray(), null)
        {
            DownloadName = downloadName,
            MailDocument = downloadName is null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase),
        };

    /// <param name="errorId">For a 500: the id the error was logged under, for the person to quote.</param>
    public static ApiResult Problem(int status, string title, string? detail = null, IEnumerable<FieldError>? errors = null, string? errorId = null)
    {
        var problem = new ProblemBody(
            "about:blank",
            title,
            status,
            detail,
            errors?.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            errorId);
        return new(status, "application/problem+json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(problem, Core.Text.Json.Options), null);
    }

    public static ApiResult BadRequest(string detail, IEnumerable<FieldError>? errors = null) => Problem(StatusCodes.Status400BadRequest, "请求内容有误", detail, errors);

    public static ApiResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "未找到", detail);

    public static ApiResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "冲突", detail);

    /// <summary>503 with Retry-After: the same thing was being changed by many at once; trying again shortly works.</summary>
    public static ApiResult Busy(string detail)
    {
        ApiResult problem = Problem(StatusCodes.Status503ServiceUnavailable, "请稍后重试", detail);
        return new(problem.Status, problem.ContentType, problem.body, null) { RetryAfterSeconds = 1 };
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        SecurityHeaders.Apply(response, MailDocument, CacheSeconds);
        if (ETag is not null)
        {
            response.Headers.ETag = Quote(ETag);
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        foreach (string cookie in Cookies)
        {
            response.Headers.Append("Set-Cookie", cookie);
        }

        if (RetryAfterSeconds is int retry)
        {
            response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (DownloadName is not null)
        {
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = "file" + Path.GetExtension(DownloadName) }.ToString() + "; filename*=UTF-8''" + Uri.EscapeDataString(DownloadName);
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(body);

    /// <summary>Table ETags (W/"datetime'…'") are already valid HTTP entity tags; anything else is quoted.</summary>
    private static string Quote(string etag) => etag.StartsWith("W/\"", StringComparison.Ordinal) || etag.StartsWith('"') ? etag : $"\"{etag}\"";

    /// <summary>RFC 9457 problem details; <c>errors</c> names each bad field, <c>errorId</c> the logged error.</summary>
    public sealed record ProblemBody(string Type, string Title, int Status, string? Detail, Dictionary<string, string[]>? Errors, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ErrorId = null);
}
