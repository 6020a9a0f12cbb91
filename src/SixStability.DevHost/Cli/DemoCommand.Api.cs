using System.Text;

namespace SixStability.DevHost.Cli;

// The coordinator's API as the demo calls it: one JSON answer, or a plain message naming the call that failed.
internal static partial class DemoCommand
{
    private static async Task<JsonElement> PutAsync(HttpClient http, string path, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using HttpResponseMessage response = await http.PutAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        return await ReadAsync(response, path).ConfigureAwait(false);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        return await ReadAsync(response, path).ConfigureAwait(false);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        return await ReadAsync(response, path).ConfigureAwait(false);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string path)
    {
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} 失败（{(int)response.StatusCode}）：{text}");
        }

        using JsonDocument doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
