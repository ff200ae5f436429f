namespace Civitas.Testing;

/// <summary>Where the repository and the shared reference material are, found from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Civitas.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/vectors</c> beside the repository; a test that needs it fails when it is missing.</summary>
    public static string SharedVectors
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"The shared test vectors are expected at {path} (the shared/ folder beside the repository).");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Civitas.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Civitas.slnx was not found above " + AppContext.BaseDirectory);
    }
}
