using SixStability.Core.Units;

namespace SixStability.Integration.Tests.Support;

internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>The sample directory, read as the app reads it.</summary>
    public static UnitDirectory Directory => UnitDirectoryReader.Parse(Read("directory.json")).Directory!;
}
