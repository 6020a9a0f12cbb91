namespace SixStability.Integration.Tests.Support;

internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}
