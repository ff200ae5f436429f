using Civitas.Common;
using Civitas.Common.Hosting;

namespace Civitas.Host.Hosting;

internal static class DataDirectory
{
    /// <summary>Creates the data directory (owner-only on Unix) or explains why it cannot.</summary>
    public static void Ensure(CivitasOptions options)
    {
        var path = options.DataDirectoryFullPath;
        try
        {
            OwnerOnlyDirectory.Create(path);

            var probe = Path.Combine(path, ".write-probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CivitasConfigurationException(
                $"Civitas:DataDirectory '{path}' is not a writable folder ({ex.GetType().Name}). Set Civitas__DataDirectory to a folder this user may write.");
        }
    }
}
