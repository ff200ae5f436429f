using System.Security.Cryptography;

namespace Civitas.Keys.Stores.Software;

/// <summary>
/// The 256-bit key that wraps the software store's ROOT/master keys. Read from configuration
/// (environment variable or secret) or from an owner-only file in the data directory, created on first start.
/// </summary>
internal sealed class KeyEncryptionKey : IDisposable
{
    public const int Length = 32;
    internal const string FileName = "kek.bin";

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key) => _key = key;

    public ReadOnlySpan<byte> Bytes => _key;

    public static KeyEncryptionKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new InvalidOperationException($"The key-encryption key must be {Length} bytes (base64 of 32 random bytes).");
        }
        return new KeyEncryptionKey(key.ToArray());
    }

    public static KeyEncryptionKey Load(string? configuredBase64, string keysDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            byte[] decoded;
            try
            {
                decoded = Convert.FromBase64String(configuredBase64.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Civitas:Keys:KeyEncryptionKey is not valid base64; set it to base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
            return FromBytes(decoded);
        }
        return LoadOrCreateFile(Path.Combine(keysDirectory, FileName));
    }

    private static KeyEncryptionKey LoadOrCreateFile(string path)
    {
        if (File.Exists(path))
        {
            return FromBytes(File.ReadAllBytes(path));
        }
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var key = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the moment the file exists: no window where another user could read it.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(key);
            stream.Flush(flushToDisk: true);
            return new KeyEncryptionKey(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs so both agree.
            CryptographicOperations.ZeroMemory(key);
            return FromBytes(File.ReadAllBytes(path));
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
