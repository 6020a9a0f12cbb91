using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace SixStability.Integration.Tests.Hosts;

/// <summary>One HTTP trigger as the Worker SDK declares it in functions.metadata.</summary>
internal sealed record DeclaredRoute(string Function, IReadOnlyList<string> Methods, string? Route);

/// <summary>
/// The rules the Azure Functions host applies to HTTP routes when it loads a Function app. A route
/// that breaks one does not fail the build or the worker: the host puts that function in an error
/// state and the path answers 404 in Azure, while DevHost (plain ASP.NET Core) serves it.
/// </summary>
internal static partial class FunctionHostRoutes
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase) { "get", "post", "put", "delete", "patch", "head", "options", "trace" };

    /// <summary>Every HTTP trigger in a generated functions.metadata file.</summary>
    public static IReadOnlyList<DeclaredRoute> FromMetadata(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .Select(b => new DeclaredRoute(
                    f.GetProperty("name").GetString()!,
                    b.TryGetProperty("methods", out JsonElement m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().Select(x => x.GetString()!).ToArray() : [],
                    b.TryGetProperty("route", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null)))
            .ToArray();
    }

    /// <summary>What the host (or this project's stricter template rules) would refuse, one line per problem.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<DeclaredRoute> routes)
    {
        var problems = new List<string>();
        foreach (DeclaredRoute route in routes)
        {
            problems.AddRange(Reserved(route).Concat(Template(route)).Concat(Methods(route)));
        }

        for (int i = 0; i < routes.Count; i++)
        {
            for (int j = i + 1; j < routes.Count; j++)
            {
                if (Conflict(routes[i], routes[j]))
                {
                    problems.Add($"{routes[j].Function}: route '{Effective(routes[j])}' conflicts with {routes[i].Function} (same route, overlapping methods)");
                }
            }
        }

        return problems;
    }

    // The host: an empty route defaults to the function's name (ScriptHost.ValidateHttpFunction).
    private static string Effective(DeclaredRoute route) => string.IsNullOrWhiteSpace(route.Route) ? route.Function : route.Route;

    /// <summary>
    /// Azure/azure-functions-host, src/WebJobs.Script/Host/ScriptHost.cs, <c>ValidateHttpFunction</c>
    /// (commit 0058565eb5d288f12b3a6aa867004f156983965e):
    /// <c>string httpRoute = httpTrigger.Route.Trim('/').ToLowerInvariant();
    /// if (httpRoute.StartsWith("admin") || httpRoute.StartsWith("runtime")) throw new InvalidOperationException(
    /// "The specified route conflicts with one or more built in routes.");</c>
    /// A plain string prefix, case-insensitive, whatever host.json's routePrefix is: "administration/x" and
    /// "Runtime" are refused too.
    /// </summary>
    private static IEnumerable<string> Reserved(DeclaredRoute route)
    {
        string httpRoute = Effective(route).Trim('/').ToLowerInvariant();
        foreach (string reserved in new[] { "admin", "runtime" })
        {
            if (httpRoute.StartsWith(reserved, StringComparison.Ordinal))
            {
                yield return $"{route.Function}: route '{Effective(route)}' starts with '{reserved}', which the Functions host reserves for its built-in routes";
            }
        }
    }

    /// <summary>
    /// The host builds its routes with ASP.NET Core's route template parser, so a template that parser refuses
    /// never loads; on top of it this project asks for relative templates (no leading or trailing '/', no
    /// empty segment) and parameter names that bind to C# parameters.
    /// </summary>
    private static IEnumerable<string> Template(DeclaredRoute route)
    {
        string template = Effective(route);
        if (template.StartsWith('/') || template.StartsWith('~'))
        {
            yield return $"{route.Function}: route '{template}' must not start with '/' (host.json's routePrefix is prepended)";
        }

        if (template.EndsWith('/'))
        {
            yield return $"{route.Function}: route '{template}' must not end with '/'";
        }

        if (template.Split('/').Any(s => s.Length == 0) && !template.StartsWith('/') && !template.EndsWith('/'))
        {
            yield return $"{route.Function}: route '{template}' has an empty segment";
        }

        if (template.Count(c => c == '{') != template.Count(c => c == '}') || !BalancedBraces(template))
        {
            yield return $"{route.Function}: route '{template}' has unbalanced braces";
        }

        string? parseError = null;
        RoutePattern? pattern = null;
        try
        {
            pattern = RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException ex)
        {
            parseError = ex.Message;
        }

        if (parseError is not null)
        {
            yield return $"{route.Function}: route '{template}' is not a valid route template: {parseError}";
            yield break;
        }

        foreach (RoutePatternParameterPart parameter in pattern!.Parameters)
        {
            if (!ParameterName().IsMatch(parameter.Name))
            {
                yield return $"{route.Function}: route '{template}' has parameter '{parameter.Name}', not a valid parameter name (letters, digits, '_', not starting with a digit)";
            }
        }
    }

    private static IEnumerable<string> Methods(DeclaredRoute route)
    {
        if (route.Methods.Count == 0)
        {
            yield return $"{route.Function}: no HTTP methods listed; the host would then accept every method on '{Effective(route)}'";
        }

        foreach (string method in route.Methods.Where(m => !HttpMethods.Contains(m)))
        {
            yield return $"{route.Function}: '{method}' is not an HTTP method";
        }
    }

    /// <summary>ScriptHost.HttpRoutesConflict: the same route (case-insensitive, outer '/' trimmed) and intersecting methods; no methods means all.</summary>
    private static bool Conflict(DeclaredRoute a, DeclaredRoute b) =>
        string.Equals(Effective(a).Trim('/'), Effective(b).Trim('/'), StringComparison.OrdinalIgnoreCase)
        && (a.Methods.Count == 0 || b.Methods.Count == 0 || a.Methods.Intersect(b.Methods, StringComparer.OrdinalIgnoreCase).Any());

    private static bool BalancedBraces(string template)
    {
        int depth = 0;
        foreach (char c in template)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth is < 0 or > 1)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterName();
}
