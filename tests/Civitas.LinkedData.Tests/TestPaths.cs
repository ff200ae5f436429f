namespace Civitas.LinkedData.Tests;

/// <summary>Finds the repository root (the folder with Civitas.slnx) and the shared vectors beside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civitas.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException(
            $"Could not find Civitas.slnx above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    });

    public static string RepoRoot => Root.Value;

    /// <summary>A folder under ../shared/vectors; fails (never skips) when the vectors are missing.</summary>
    public static string Vectors(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "vectors", relative));
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Test vectors not found at {path}. The W3C suites must be checked out as ../shared/vectors beside the repository.");
        }

        return path;
    }

    public static string NodeFolder => Path.Combine(RepoRoot, "tests", "Civitas.LinkedData.Tests", "node");
}
