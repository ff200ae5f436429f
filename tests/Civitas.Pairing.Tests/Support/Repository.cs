using System.Text.Json;

namespace Civitas.Pairing.Tests.Support;

/// <summary>Locates the repository root (the folder holding Civitas.slnx) and the shared test vectors beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SeedsFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string MPinVectorsFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors", "mpin"));

    /// <summary>Loads one of the Milagro JSON vector files; fails (never skips) when the shared folder is missing.</summary>
    public static JsonElement[] LoadVectors(string fileName)
    {
        var path = Path.Combine(MPinVectorsFolder, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Shared test vector file missing: {path}. The BN254CX vectors must be present at <repo root>/../shared/vectors/mpin/.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        if (cases.Length == 0)
        {
            throw new InvalidDataException($"Vector file {path} holds no cases.");
        }

        return cases;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Civitas.slnx")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException($"Could not find Civitas.slnx above {AppContext.BaseDirectory}.");
    }
}
