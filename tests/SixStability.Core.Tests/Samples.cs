namespace SixStability.Core.Tests;

internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", name));

    /// <summary>A real plan transcribed for the form tests (Plans/plans/README.md says where each came from).</summary>
    public static string Plan(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plans", name));
}
