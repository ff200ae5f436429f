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
    private static readonly Dictionary<string, (SharedPkcs11Library Shared, int Users)> Loaded = new(StringComparer.Ordinal);

    public static SharedPkcs11Library Acquire(Pkcs11InteropFactories factories, string libraryPath)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(libraryPath, out var entry))
            {
                Loaded[libraryPath] = (entry.Shared, entry.Users + 1);
                return entry.Shared;
            }
            var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, libraryPath, Net.Pkcs11Interop.Common.AppType.MultiThreaded);
            var shared = new SharedPkcs11Library(library, new Lock());
            Loaded[libraryPath] = (shared, 1);
            return shared;
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
                Loaded[libraryPath] = (entry.Shared, entry.Users - 1);
                return;
            }
            Loaded.Remove(libraryPath);
            entry.Shared.Library.Dispose();
        }
    }
}

/// <param name="Library">The module, initialised once for the process.</param>
/// <param name="ObjectStore">
/// Held while token objects are created, destroyed or searched for. SoftHSM2's file store races when threads do
/// that at once and answers CKR_GENERAL_ERROR to one of them (softhsm/SoftHSMv2#573; our CI saw it with 2.6.1 on
/// C_GenerateKeyPair). These calls are rare: a key is generated for a new reference id or a rotation, and found
/// once per process before its handle is cached. Signing and decryption, the hot paths, do not take it.
/// </param>
internal sealed record SharedPkcs11Library(IPkcs11Library Library, Lock ObjectStore);
