using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>
/// Pkcs11Interop 5.3 imports <c>libdl</c>, which Debian 12 ships only as <c>libdl.so.2</c>:
/// map the name so loading the PKCS#11 module does not fail with DllNotFoundException.
/// </summary>
internal static class Pkcs11NativeResolver
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another component registered a resolver for this assembly first; it has to handle libdl itself.
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName is "libdl" or "libdl.so" && NativeLibrary.TryLoad("libdl.so.2", out var handle))
        {
            return handle;
        }
        return IntPtr.Zero;
    }
}
