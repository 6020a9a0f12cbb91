using System.Text;
using SixStability.Core.Text;

namespace SixStability.Workflow.Http;

/// <summary>Reads a bounded UTF-8 body; a GBK file or an oversized upload is bad input, not a crash.</summary>
public static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, ApiResult? Error)> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        (byte[]? bytes, ApiResult? error) = await ReadBytesAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            return (StrictUtf8.GetString(bytes!).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiResult.BadRequest("请求内容不是有效的 UTF-8 文本（如为 GBK 编码的文件，请先另存为 UTF-8）。"));
        }
    }

    /// <summary>A bounded binary body (an uploaded file); too large is a 413, read no further than the limit.</summary>
    public static async Task<(byte[]? Content, ApiResult? Error)> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>A bounded JSON body as <typeparamref name="T"/>; a malformed body or a wrong type is a 400 naming the field.</summary>
    public static async Task<(T? Body, ApiResult? Error)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        (string? text, ApiResult? error) = await ReadTextAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            T? body = JsonSerializer.Deserialize<T>(text!, Json.Options);
            return body is null ? (null, ApiResult.BadRequest("请求体为空。", [new FieldError("body", "为空。")])) : (body, null);
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, ApiResult.BadRequest("请求体不是有效的 JSON 或字段类型不对。", [new FieldError(field, "格式或类型不对。")]));
        }
        catch (NotSupportedException)
        {
            // A polymorphic body (a plan correction) without its "action": System.Text.Json cannot pick the type.
            return (null, ApiResult.BadRequest("请求体缺少 action 字段或其值不受支持。", [new FieldError("action", "缺少或不受支持。")]));
        }
    }

    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) || value == "*" ? null : value.Trim();
    }

    private static ApiResult TooLarge(long maxBytes) =>
        ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大", maxBytes >= 1024 * 1024 ? $"请求内容不能超过 {maxBytes / 1024 / 1024} MB。" : $"请求内容不能超过 {maxBytes / 1024} KB。");
}
