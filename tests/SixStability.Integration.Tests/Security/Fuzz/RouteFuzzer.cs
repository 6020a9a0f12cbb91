using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>
/// Sends hostile requests to every route of <see cref="Routes.All"/>, one at a time, and checks each
/// answer: never a 5xx, never dropped, always the security headers, a write a browser marks as cross-site
/// refused; and after a refusal (4xx) storage is exactly as it was before the request (no partial write).
/// Deterministic for a seed.
/// </summary>
internal sealed class RouteFuzzer(FuzzTarget target, int seed)
{
    private static readonly string[] RequiredHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cache-Control"];

    public async Task<FuzzReport> RunAsync(int cases, Action<FuzzReport>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        var report = new FuzzReport(seed);
        var requests = new FuzzRequests(target, new Random(seed));
        var storage = new StorageSnapshot(target.Storage, target.Prefix);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using HttpClient client = target.Client();
        IReadOnlyDictionary<string, string>? before = null;
        for (int i = 0; i < cases; i++)
        {
            // Taken again only after an accepted request: a refused one left it as it was (or is reported).
            before ??= await storage.TakeAsync();
            (ApiRoute route, HttpRequestMessage request) = requests.Next();
            using (request)
            {
                int status;
                try
                {
                    using HttpResponseMessage response = await client.SendAsync(request);
                    status = (int)response.StatusCode;
                    string body = await response.Content.ReadAsStringAsync();
                    report.Answered(route.Name, status);
                    requests.Learn(route, status, body);
                    if (status >= 500)
                    {
                        report.ServerError(requests.Description, status, body);
                    }

                    string[] missing = [.. RequiredHeaders.Where(h => !response.Headers.NonValidated.Contains(h) && !response.Content.Headers.NonValidated.Contains(h))];
                    if (missing.Length > 0 && !IsProtocolRejection(status, body))
                    {
                        report.HeadersMissing(requests.Description, status, missing);
                    }

                    if (requests.CrossSiteWrite && status < 400)
                    {
                        report.CrossSite(requests.Description, status);
                    }
                }
                catch (HttpRequestException ex)
                {
                    report.Unanswered(route.Name, requests.Description, ex);
                    before = null;
                    continue;
                }
                catch (TaskCanceledException ex)
                {
                    report.Unanswered(route.Name, requests.Description, ex);
                    before = null;
                    continue;
                }

                if (status >= 400)
                {
                    IReadOnlyDictionary<string, string> after = await storage.TakeAsync();
                    IReadOnlyList<string> changes = StorageSnapshot.Changes(before, after);
                    if (changes.Count > 0)
                    {
                        report.PartialWrite(requests.Description, status, changes);
                    }

                    before = after;
                }
                else
                {
                    before = null;
                }
            }

            if (progress is not null && (i + 1) % 1000 == 0)
            {
                report.Elapsed = clock.Elapsed;
                progress(report);
            }
        }

        report.Elapsed = clock.Elapsed;
        report.EngineCommandsHeld = target.Engine.Held;
        return report;
    }

    /// <summary>
    /// Kestrel's own answer to a request it will not parse (URL or headers too long, bytes not allowed in a
    /// header): empty, sent before any middleware or route runs, so nothing of ours could add headers — and
    /// with no body there is nothing to frame, sniff or cache.
    /// </summary>
    private static bool IsProtocolRejection(int status, string body) => status is 400 or 414 or 431 && body.Length == 0;
}
