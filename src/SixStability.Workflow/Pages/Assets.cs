using System.Collections.Frozen;
using System.Reflection;

namespace SixStability.Workflow.Pages;

/// <summary>
/// The pages' static files (the stylesheet, the board's script), embedded in this assembly and served
/// by both hosts at <c>/assets/{name}</c>, so no page needs inline script or style.
/// </summary>
public static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    public static IReadOnlyCollection<string> Names => Files.Keys;

    public static Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Task.FromResult(Files.TryGetValue(call.Value("name"), out var file)
            ? ApiResult.Asset(file.Content, file.ContentType)
            : ApiResult.NotFound("没有这个文件。"));
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        Assembly assembly = typeof(Assets).Assembly;
        const string prefix = "assets/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[prefix.Length..], n =>
            {
                using Stream stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                string type = Path.GetExtension(n) switch
                {
                    ".css" => "text/css; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8",
                    _ => "application/octet-stream",
                };
                return (copy.ToArray(), type);
            }, StringComparer.Ordinal);
    }
}
