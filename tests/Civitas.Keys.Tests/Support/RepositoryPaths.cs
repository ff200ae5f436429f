namespace Civitas.Keys.Tests.Support;

/// <summary>Finds files of this repository from the test binaries, by walking up to Civitas.slnx.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestScript(string name) => Path.Combine(Root, "tests", "Civitas.Keys.Tests", "scripts", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Civitas.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Civitas.slnx not found above " + AppContext.BaseDirectory);
    }
}
