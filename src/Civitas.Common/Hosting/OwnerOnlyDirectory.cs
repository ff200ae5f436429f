namespace Civitas.Common.Hosting;

/// <summary>Creates folders that hold secrets or data with owner-only permissions (0700 on Unix).</summary>
public static class OwnerOnlyDirectory
{
    public static void Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Create missing parents the same way, so no folder on the way is left world-readable by us.
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(parent))
        {
            Create(parent);
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
