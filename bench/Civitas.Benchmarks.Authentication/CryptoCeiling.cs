using System.Diagnostics;
using System.Security.Cryptography;

namespace Civitas.Benchmarks.Authentication;

/// <summary>
/// The crypto-only ceiling of a MOSIP-style authentication on this machine, measured in the same run: one RSA-OAEP
/// unwrap of the session key, one RS256 response signature, one RS256 check of the partner's signature (RSA-2048
/// each; AES-GCM and hashing are microseconds and left out). Each operation runs on every core; the ceiling is the
/// rate at which all three fit: 1 / (1/decrypt + 1/sign + 1/verify).
/// </summary>
internal static class CryptoCeiling
{
    public static string Measure(TimeSpan perOperation)
    {
        using var rsa = RSA.Create(2048);
        var wrapped = rsa.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA256);
        var digest = SHA256.HashData("a response body of a few hundred bytes"u8);
        var signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var decrypt = Rate(perOperation, () => rsa.Decrypt(wrapped, RSAEncryptionPadding.OaepSHA256));
        var sign = Rate(perOperation, () => rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var verify = Rate(perOperation, () => rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var ceiling = 1 / ((1 / decrypt) + (1 / sign) + (1 / verify));
        return $"crypto ceiling ({Environment.ProcessorCount} cores)     {ceiling,8:N0} auth/s   (RSA-OAEP decrypt {decrypt:N0}/s, RS256 sign {sign:N0}/s, RS256 verify {verify:N0}/s)";
    }

    private static double Rate(TimeSpan duration, Action operation)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                operation();
                Interlocked.Increment(ref count);
            }
        });
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}
