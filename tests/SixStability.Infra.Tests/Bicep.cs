using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace SixStability.Infra.Tests;

/// <summary>The Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64), run on infra/main.bicep.</summary>
internal static class Bicep
{
    private static readonly Lazy<(JsonElement Template, string Output)> Built = new(Build);

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static JsonElement Template => Built.Value.Template;

    public static string BuildOutput => Built.Value.Output;

    public static (int Code, string Output) Run(params string[] args)
    {
        string cli = Path.Combine(Metadata("BicepPackage"), "tools", "bicep");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryRoot, "infra"),
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The CLI would otherwise try to reach the public module registry and telemetry endpoint.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static (JsonElement, string) Build()
    {
        string outFile = Path.Combine(Path.GetTempPath(), $"main-{Guid.NewGuid():N}.json");
        try
        {
            (int code, string output) = Run("build", "main.bicep", "--outfile", outFile);
            if (code != 0)
            {
                throw new InvalidOperationException("bicep build failed: " + output);
            }

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(outFile));
            return (doc.RootElement.Clone(), output);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>Walks a compiled ARM template, modules included (nested deployments).</summary>
internal static class Arm
{
    public static IEnumerable<(JsonElement Resource, JsonElement Template)> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out JsonElement resources))
        {
            yield break;
        }

        IEnumerable<JsonElement> all = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (JsonElement resource in all)
        {
            yield return (resource, template);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                && resource.GetProperty("properties").TryGetProperty("template", out JsonElement nested))
            {
                foreach ((JsonElement, JsonElement) inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonElement> OfType(JsonElement template, string type) =>
        Resources(template).Where(r => string.Equals(r.Resource.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)).Select(r => r.Resource);
}
