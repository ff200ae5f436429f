using System.Diagnostics;
using System.Runtime.InteropServices;
using Civitas.Common.Persistence;
using Civitas.Keys;
using Civitas.Keys.Encryption;
using Civitas.Keys.Management;
using Civitas.Keys.Persistence;
using Civitas.Keys.Policy;
using Civitas.Keys.Signatures;
using Civitas.Keys.Stores.Pkcs11;
using Civitas.Keys.Stores.Software;
using Civitas.Keys.Trust;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Benchmarks.Keys;

/// <summary>The key services over a temporary SQLite file, wired as the module wires them.</summary>
internal sealed class BenchKeys : IDbContextFactory<KeysDbContext>, IDisposable
{
    private readonly DbContextOptions<SqliteKeysDbContext> _options;
    private readonly string _directory = Directory.CreateTempSubdirectory("civitas-bench-keys-").FullName;

    public BenchKeys(Civitas.Keys.Stores.IKeyStore? store = null)
    {
        var builder = new DbContextOptionsBuilder<SqliteKeysDbContext>();
        builder.UseCivitasDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "keys.db")}"), "keys");
        _options = builder.Options;
        using (var context = CreateDbContext())
        {
            context.Database.Migrate();
        }
        var database = new KeysDatabase(this);
        Store = store ?? new SoftwareKeyStore(KeyEncryptionKey.FromBytes(new byte[32]), new DatabaseWrappedKeyVault(database));
        var options = new KeysOptions();
        Keys = new KeyManager(Store, new KeyAliasRepository(database), new KeyPolicyCatalog([]), options, TimeProvider.System);
        Crypto = new CryptoService(Keys, TimeProvider.System);
        Signatures = new SignatureService(Keys, new PartnerTrustStore(new TrustStoreRepository(database), Keys, TimeProvider.System));
    }

    public Civitas.Keys.Stores.IKeyStore Store { get; }

    public KeyManager Keys { get; }

    public CryptoService Crypto { get; }

    public SignatureService Signatures { get; }

    public KeysDbContext CreateDbContext() => new SqliteKeysDbContext(_options);

    public void Dispose()
    {
        Keys.Dispose();
        (Store as IDisposable)?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A SoftHSM2 token in a temp directory for this process (softhsm2 must be installed).</summary>
internal static partial class BenchSoftHsm
{
    public static Pkcs11KeyStore Create()
    {
        var directory = Directory.CreateTempSubdirectory("civitas-bench-hsm-").FullName;
        var tokens = Path.Combine(directory, "tokens");
        Directory.CreateDirectory(tokens);
        var configuration = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(configuration, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        _ = SetEnv("SOFTHSM2_CONF", configuration, 1);
        var start = new ProcessStartInfo("softhsm2-util") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--init-token", "--free", "--label", "bench", "--so-pin", "5678", "--pin", "1234" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SOFTHSM2_CONF"] = configuration;
        using (var process = Process.Start(start)!)
        {
            process.WaitForExit();
        }
        return new Pkcs11KeyStore(new Pkcs11Options { TokenLabel = "bench", Pin = "1234", MaxSessions = 4 });
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
