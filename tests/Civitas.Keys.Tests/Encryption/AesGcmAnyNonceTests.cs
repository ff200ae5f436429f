using System.Security.Cryptography;
using Civitas.Keys.Encryption;

namespace Civitas.Keys.Tests.Encryption;

public sealed class AesGcmAnyNonceTests
{
    // NIST GCM spec (McGrew & Viega) test case 16: AES-256, 60-byte IV, 20-byte AAD.
    [Fact]
    public void Matches_the_gcm_specification_vector_with_a_60_byte_iv()
    {
        var key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        var plaintext = Convert.FromHexString("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        var aad = Convert.FromHexString("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        var iv = Convert.FromHexString("9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b");
        var expected = Convert.FromHexString(
            "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f"
            + "a44a8266ee1c8eb0c8b5d4cf5ae9f19a");
        Assert.Equal(expected, AesGcmAnyNonce.Encrypt(key, iv, plaintext, aad));
        Assert.Equal(plaintext, AesGcmAnyNonce.Decrypt(key, iv, expected, aad));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void Any_nonce_length_round_trips_and_detects_tampering(int nonceLength)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(nonceLength);
        var plaintext = RandomNumberGenerator.GetBytes(77);
        var sealedData = AesGcmAnyNonce.Encrypt(key, nonce, plaintext, "aad"u8);
        Assert.Equal(plaintext, AesGcmAnyNonce.Decrypt(key, nonce, sealedData, "aad"u8));
        sealedData[3] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => AesGcmAnyNonce.Decrypt(key, nonce, sealedData, "aad"u8));
    }
}
