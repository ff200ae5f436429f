using Net.Pkcs11Interop.HighLevelAPI;

namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>
/// A PKCS#11 module is initialised once per process (<c>C_Initialize</c> answers CKR_CRYPTOKI_ALREADY_INITIALIZED
/// the second time) and <c>C_Finalize</c> ends it for every user in the process. Key stores therefore share one
/// loaded library per module path and the last one to let go finalises it: a host restarted inside the same
/// process, or two hosts side by side, each get a working store.
/// </summary>
internal static class Pkcs11LibraryShare
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (IPkcs11Library Library, int Users)> Loaded = new(StringComparer.Ordinal);

    public static IPkcs11Library Acquire(Pkcs11InteropFactories factories, string libraryPath)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(libraryPath, out var entry))
            {
                Loaded[libraryPath] = (entry.Library, entry.Users + 1);
                return entry.Library;
            }
            var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, libraryPath, Net.Pkcs11Interop.Common.AppType.MultiThreaded);
            Loaded[libraryPath] = (library, 1);
            return library;
        }
    }

    public static void Release(string libraryPath)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(libraryPath, out var entry))
            {
                return;
            }
            if (entry.Users > 1)
            {
                Loaded[libraryPath] = (entry.Library, entry.Users - 1);
                return;
            }
            Loaded.Remove(libraryPath);
            entry.Library.Dispose();
        }
    }
}
