using System.Globalization;
using System.Text;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>What a fuzz run saw: the figures the bench prints, and each failure with the request that caused it.</summary>
internal sealed class FuzzReport(int seed)
{
    private const int MaxListed = 30;

    private readonly List<string> failures = [];

    public int Seed { get; } = seed;

    public int Cases { get; private set; }

    public int ServerErrors { get; private set; }

    /// <summary>Refused requests (4xx) after which storage was not as it was before.</summary>
    public int PartialWrites { get; private set; }

    /// <summary>Requests the server dropped without an answer.</summary>
    public int NoAnswer { get; private set; }

    /// <summary>Answers without the security headers every answer must carry.</summary>
    public int MissingHeaders { get; private set; }

    public int Accepted { get; private set; }

    /// <summary>Writes a browser marked as cross-site that were not refused.</summary>
    public int CrossSiteAccepted { get; private set; }

    public int EngineCommandsHeld { get; set; }

    public TimeSpan Elapsed { get; set; }

    public SortedDictionary<int, int> ByStatus { get; } = [];

    public SortedDictionary<string, int> ByRoute { get; } = new(StringComparer.Ordinal);

    /// <summary>Per route, how often each status came back ("SubmitMyObligation" → 200 × 12, 400 × 30 …).</summary>
    public SortedDictionary<string, SortedDictionary<int, int>> RouteStatuses { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Failures => failures;

    public bool Clean => ServerErrors == 0 && PartialWrites == 0 && NoAnswer == 0 && MissingHeaders == 0 && CrossSiteAccepted == 0;

    /// <summary>The bench's line: <c>cases N, 5xx 0, partial writes 0</c>.</summary>
    public string Figures => $"cases {Cases}, 5xx {ServerErrors}, partial writes {PartialWrites}";

    public void Answered(string route, int status)
    {
        Cases++;
        ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
        ByRoute[route] = ByRoute.GetValueOrDefault(route) + 1;
        if (!RouteStatuses.TryGetValue(route, out SortedDictionary<int, int>? statuses))
        {
            RouteStatuses[route] = statuses = [];
        }

        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        if (status < 400)
        {
            Accepted++;
        }
    }

    public void ServerError(string request, int status, string body)
    {
        ServerErrors++;
        Fail($"{status}: {request}\n    answer: {Short(body)}");
    }

    public void PartialWrite(string request, int status, IReadOnlyList<string> changes)
    {
        PartialWrites++;
        Fail($"refused with {status} but wrote {changes.Count}: {string.Join(", ", changes.Take(5))}\n    request: {request}");
    }

    public void Unanswered(string route, string request, Exception error)
    {
        Cases++;
        NoAnswer++;
        ByRoute[route] = ByRoute.GetValueOrDefault(route) + 1;
        Fail($"no answer ({error.GetType().Name}: {error.Message}): {request}");
    }

    public void CrossSite(string request, int status)
    {
        CrossSiteAccepted++;
        Fail($"cross-site write accepted with {status}: {request}");
    }

    public void HeadersMissing(string request, int status, IEnumerable<string> missing)
    {
        MissingHeaders++;
        Fail($"{status} without {string.Join(", ", missing)}: {request}");
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Figures} (seed {Seed}, {Elapsed.TotalSeconds:F0} s; no answer {NoAnswer}, missing headers {MissingHeaders}, cross-site writes accepted {CrossSiteAccepted}; accepted {Accepted}, engine commands held {EngineCommandsHeld})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  statuses: {string.Join(", ", ByStatus.Select(s => $"{s.Key} × {s.Value}"))}");
        foreach ((string route, SortedDictionary<int, int> statuses) in RouteStatuses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {route}: {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}");
        }

        foreach (string failure in failures)
        {
            text.AppendLine("  FAIL " + failure);
        }

        return text.ToString();
    }

    private void Fail(string line)
    {
        if (failures.Count < MaxListed)
        {
            failures.Add(line);
        }
    }

    private static string Short(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
