using System.Runtime.InteropServices;
using Civitas.Keys.Stores.Pkcs11;

namespace Civitas.Keys.Tests.Support;

/// <summary>
/// One SoftHSM2 token for the whole test run, created in a temp directory. PKCS#11 modules are initialised
/// once per process, so every test shares this store and keeps apart by alias. When softhsm2 is not installed
/// this throws and the HSM tests fail: CI installs it (apt-get install softhsm2), they must not silently skip.
/// </summary>
internal static class SoftHsm
{
    public const string LibraryPath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string TokenLabel = "civitas-test";
    public const string Pin = "1234";

    private static readonly Lazy<Pkcs11KeyStore> SharedStore = new(Create);

    public static Pkcs11KeyStore Store => SharedStore.Value;

    public static Pkcs11Options Options => new() { LibraryPath = LibraryPath, TokenLabel = TokenLabel, Pin = Pin, MaxSessions = 4 };

    private static Pkcs11KeyStore Create()
    {
        Assert.True(File.Exists(LibraryPath), $"SoftHSM2 is not installed ({LibraryPath} missing): apt-get install softhsm2");
        var directory = Directory.CreateTempSubdirectory("civitas-softhsm-").FullName;
        var tokens = Path.Combine(directory, "tokens");
        Directory.CreateDirectory(tokens);
        var configuration = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(configuration, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        // The module reads SOFTHSM2_CONF with getenv when it initialises in this process; .NET's
        // Environment.SetEnvironmentVariable does not reach the native environment on Unix, setenv does.
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", configuration);
        Assert.Equal(0, NativeEnvironment.SetEnv("SOFTHSM2_CONF", configuration, 1));
        var (exit, output, error) = ExternalTool.Run(
            "softhsm2-util",
            ["--init-token", "--free", "--label", TokenLabel, "--so-pin", "5678", "--pin", Pin],
            environment: new Dictionary<string, string> { ["SOFTHSM2_CONF"] = configuration });
        Assert.True(exit == 0, $"softhsm2-util --init-token failed: {error}{output}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return new Pkcs11KeyStore(Options);
    }
}

internal static partial class NativeEnvironment
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetEnv(string name, string value, int overwrite);
}
