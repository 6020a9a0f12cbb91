namespace SixStability.DevHost.Azurite;

/// <summary>The clone's root: the folder with the npm lock that pins Azurite.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string lockFile = Path.Combine(dir.FullName, "package-lock.json");
                if (File.Exists(lockFile) && File.ReadAllText(lockFile).Contains("\"node_modules/azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
