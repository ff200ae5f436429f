using System.Security.Cryptography;
using Civitas.Keys.Stores;

namespace Civitas.Keys.Tests.Stores;

/// <summary>What every key store must do; run against the software store and against SoftHSM2.</summary>
public abstract class KeyStoreContract
{
    internal abstract IKeyStore Store { get; }

    private static string NewAlias() => "test-" + Guid.NewGuid();

    [Fact]
    public void Generated_key_is_RSA_2048_and_can_be_found_again()
    {
        var alias = NewAlias();
        var publicKey = Store.GenerateRsaKey(alias);
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(publicKey, Store.FindPublicKey(alias));
    }

    [Fact]
    public void Unknown_alias_has_no_public_key()
    {
        Assert.Null(Store.FindPublicKey(NewAlias()));
    }

    [Theory]
    [InlineData("pkcs1")]
    [InlineData("pss")]
    public void Signature_verifies_with_the_public_key_and_not_over_other_data(string paddingName)
    {
        var padding = paddingName == "pss" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var alias = NewAlias();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Store.GenerateRsaKey(alias), out _);
        var data = "civitas key store contract"u8.ToArray();
        var signature = Store.SignSha256Hash(alias, SHA256.HashData(data), padding);
        Assert.True(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, padding));
        Assert.False(rsa.VerifyData("other data"u8.ToArray(), signature, HashAlgorithmName.SHA256, padding));
    }

    [Fact]
    public void Oaep_sha256_ciphertext_from_dotnet_opens_inside_the_store()
    {
        var alias = NewAlias();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Store.GenerateRsaKey(alias), out _);
        for (var length = 0; length <= 190; length += 38)
        {
            var secret = RandomNumberGenerator.GetBytes(length);
            var ciphertext = rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA256);
            Assert.Equal(secret, Store.DecryptOaepSha256(alias, ciphertext));
        }
    }

    [Fact]
    public void Tampered_or_foreign_ciphertext_is_refused()
    {
        var alias = NewAlias();
        var other = NewAlias();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Store.GenerateRsaKey(alias), out _);
        Store.GenerateRsaKey(other);
        var ciphertext = rsa.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA256);
        Assert.ThrowsAny<CryptographicException>(() => Store.DecryptOaepSha256(other, ciphertext));
        var tampered = (byte[])ciphertext.Clone();
        tampered[100] ^= 0x40;
        Assert.ThrowsAny<CryptographicException>(() => Store.DecryptOaepSha256(alias, tampered));
        // OAEP-SHA1 output must not be accepted as OAEP-SHA256.
        var sha1 = rsa.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA1);
        Assert.ThrowsAny<CryptographicException>(() => Store.DecryptOaepSha256(alias, sha1));
        Assert.ThrowsAny<CryptographicException>(() => Store.DecryptOaepSha256(alias, ciphertext.AsSpan(0, 200)));
        // A ciphertext at or above the modulus is invalid input, not a store failure.
        Assert.ThrowsAny<CryptographicException>(() => Store.DecryptOaepSha256(alias, Enumerable.Repeat((byte)0xFF, 256).ToArray()));
    }

    [Fact]
    public void Deleted_key_is_gone()
    {
        var alias = NewAlias();
        Store.GenerateRsaKey(alias);
        Store.DeleteKey(alias);
        Assert.Null(Store.FindPublicKey(alias));
        Assert.ThrowsAny<Exception>(() => Store.SignSha256Hash(alias, new byte[32], RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Parallel_operations_all_succeed()
    {
        var alias = NewAlias();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Store.GenerateRsaKey(alias), out _);
        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var data = BitConverter.GetBytes(i);
            var signature = Store.SignSha256Hash(alias, SHA256.HashData(data), RSASignaturePadding.Pkcs1);
            var secret = RandomNumberGenerator.GetBytes(32);
            var opened = Store.DecryptOaepSha256(alias, rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA256));
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) && opened.AsSpan().SequenceEqual(secret);
        }));
        Assert.All(await Task.WhenAll(tasks), Assert.True);
    }

    [Fact]
    public async Task Keys_generated_found_and_deleted_in_parallel_all_succeed()
    {
        // Key generation also runs side by side (two hosts, a rotation during traffic). SoftHSM2's file store
        // once answered CKR_GENERAL_ERROR to one of two concurrent C_GenerateKeyPair calls in CI.
        var tasks = Enumerable.Range(0, 24).Select(_ => Task.Run(() =>
        {
            var alias = NewAlias();
            var publicKey = Store.GenerateRsaKey(alias);
            var found = Store.FindPublicKey(alias);
            var hash = SHA256.HashData(publicKey);
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            var verifies = rsa.VerifyHash(hash, Store.SignSha256Hash(alias, hash, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            Store.DeleteKey(alias);
            return found is not null && found.AsSpan().SequenceEqual(publicKey) && verifies && Store.FindPublicKey(alias) is null;
        }));
        Assert.All(await Task.WhenAll(tasks), Assert.True);
    }
}
