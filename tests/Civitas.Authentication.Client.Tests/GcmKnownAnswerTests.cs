using System.Security.Cryptography;
using System.Text;
using Civitas.Authentication.Client.Crypto;
using Civitas.Keys.Encryption;

namespace Civitas.Authentication.Client.Tests;

/// <summary>
/// AES-256-GCM with the nonce lengths IDA uses, against answers computed with OpenSSL (Node 20 crypto,
/// createCipheriv("aes-256-gcm")), and against .NET's AesGcm for 12-byte nonces.
/// </summary>
public sealed class GcmKnownAnswerTests
{
    private static readonly byte[] Key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private const string Sentence = "hello gcm, forty-one bytes long in total!";

    public static TheoryData<string, string, string, string, string> Vectors => new()
    {
        // nonce, aad, plaintext (UTF-8), ciphertext, tag
        { "f0e1d2c3b4a5968778695a4b3c2d1e0f", "", "", "", "7de5fbd40a8d10abababd576c9b667cd" },
        {
            "f0e1d2c3b4a5968778695a4b3c2d1e0f", "", """{"timestamp":"2026-11-24T06:00:00.000Z","otp":"123456"}""",
            "787f61ebc6df2aa4dfb919f8215621c8f04975230a384bb62d05498d08a4e1ffd3c3b9e08f56156501a1b6daa356d2befd41a4947e2d95",
            "332f89119f9d1deebb0351f0e448af9a"
        },
        { "cafebabefacedbaddecaf888", "feedface", Sentence, "e2c6cc4ac55a28782b277dbb146ffd46204fae34ff7b13002bac241dd1e702dfc43ee132aea0280e07", "6ccbf5fa994cbb7d107a211cb2d8c615" },
        { "cafebabefacedbad", "feedface", Sentence, "1613cdff8baf6b5434a91aca756e2a84b86e32a521cbfeab44adae76e8e1865661a7c38ddc53fdd6c4", "a5b93e99ca24d1e300cdfb838deaaacd" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Client_gcm_matches_openssl(string nonce, string aad, string plaintext, string ciphertext, string tag)
    {
        var sealedBytes = GcmAnyNonce.Encrypt(Key, Convert.FromHexString(nonce), Encoding.UTF8.GetBytes(plaintext), Convert.FromHexString(aad));

        Assert.Equal(ciphertext + tag, Convert.ToHexStringLower(sealedBytes));
        Assert.Equal(plaintext, Encoding.UTF8.GetString(GcmAnyNonce.Decrypt(Key, Convert.FromHexString(nonce), sealedBytes, Convert.FromHexString(aad))));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reference_opener_gcm_matches_openssl(string nonce, string aad, string plaintext, string ciphertext, string tag)
    {
        var opened = AesGcmAnyNonce.Decrypt(Key, Convert.FromHexString(nonce), Convert.FromHexString(ciphertext + tag), Convert.FromHexString(aad));

        Assert.Equal(plaintext, Encoding.UTF8.GetString(opened));
    }

    [Fact]
    public void Client_gcm_matches_dotnet_aesgcm_for_12_byte_nonces_of_many_lengths()
    {
        using var reference = new AesGcm(Key, 16);
        for (var length = 0; length < 70; length += 7)
        {
            var nonce = RandomNumberGenerator.GetBytes(12);
            var plaintext = RandomNumberGenerator.GetBytes(length);
            var aad = RandomNumberGenerator.GetBytes(length % 20);
            var expected = new byte[length];
            var expectedTag = new byte[16];
            reference.Encrypt(nonce, plaintext, expected, expectedTag, aad);

            Assert.Equal([.. expected, .. expectedTag], GcmAnyNonce.Encrypt(Key, nonce, plaintext, aad));
        }
    }

    [Fact]
    public void Altered_ciphertext_tag_or_nonce_is_refused()
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        var sealedBytes = GcmAnyNonce.Encrypt(Key, nonce, Encoding.UTF8.GetBytes(Sentence), []);
        foreach (var index in new[] { 0, sealedBytes.Length - 1 })
        {
            var altered = (byte[])sealedBytes.Clone();
            altered[index] ^= 1;
            Assert.Throws<AuthenticationTagMismatchException>(() => GcmAnyNonce.Decrypt(Key, nonce, altered, []));
        }

        var otherNonce = (byte[])nonce.Clone();
        otherNonce[3] ^= 0x80;
        Assert.Throws<AuthenticationTagMismatchException>(() => GcmAnyNonce.Decrypt(Key, otherNonce, sealedBytes, []));
        Assert.ThrowsAny<CryptographicException>(() => GcmAnyNonce.Decrypt(Key, nonce, sealedBytes.AsSpan(0, 15), []));
    }
}
