using System.Security.Cryptography;
using System.Text;
using SixStability.Workflow.Http;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// Coordinator routes need the admin key in <c>x-functions-key</c>, as the Functions host asks for
/// its function key in Azure (or <c>?code=</c>); here it is compared with <c>Admin:Key</c>.
/// </summary>
internal sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        string expected = configuration["Admin:Key"] ?? string.Empty;
        // The header, or ?code= as the Functions host also accepts (the coordinator's page links use it).
        HttpRequest request = context.HttpContext.Request;
        string given = request.Headers[Header].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        if (given.Length == 0)
        {
            return ApiResult.Problem(StatusCodes.Status401Unauthorized, "需要管理员密钥", $"请在请求头 {Header} 中提供管理员密钥。");
        }

        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return ApiResult.Problem(StatusCodes.Status401Unauthorized, "管理员密钥无效", "管理员密钥不正确。");
        }

        return await next(context).ConfigureAwait(false);
    }
}
