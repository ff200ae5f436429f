using System.Security.Cryptography;
using Civitas.Common;
using Civitas.Kernel.Hosting;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Otp;

/// <summary>
/// The secret behind the OTP hashes. A six-digit OTP has only 10^6 values, so a plain hash in the database
/// would fall to brute force from a database dump alone; a keyed hash needs this key too, which lives outside
/// the database: from configuration (required when several hosts share a database) or an owner-only file in
/// the data directory created on first use.
/// Loading is lazy and failures are not cached, so a broken key answers <c>KER-OTG-003/004</c> per request
/// (as MOSIP does) and heals once fixed.
/// </summary>
internal sealed class OtpHmacKey(IOptions<KernelOptions> kernel, IOptions<CivitasOptions> civitas)
{
    public const string FileName = "kernel-otp-hmac.key";
    private const int KeyBytes = 32;
    private readonly Lock _gate = new();
    private byte[]? _key;

    public byte[] Value => Volatile.Read(ref _key) ?? Load();

    private byte[] Load()
    {
        lock (_gate)
        {
            if (_key is not null)
            {
                return _key;
            }

            var key = kernel.Value.Otp.HmacKey is { Length: > 0 } configured ? Decode(configured) : ReadOrCreateFile();
            Volatile.Write(ref _key, key);
            return key;
        }
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length >= KeyBytes ? key : throw new OtpKeyException("the configured OTP HMAC key is shorter than 32 bytes");
        }
        catch (FormatException)
        {
            throw new OtpKeyException("the configured OTP HMAC key is not base64");
        }
    }

    private byte[] ReadOrCreateFile() =>
        Decode(DataDirectorySecret.ReadOrCreate(Path.Combine(civitas.Value.DataDirectoryFullPath, FileName), KeyBytes));
}

/// <summary>The HMAC key is present but unusable (configuration error).</summary>
internal sealed class OtpKeyException(string message) : Exception(message);
