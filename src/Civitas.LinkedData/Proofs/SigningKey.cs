using System.Security.Cryptography;
using NSec.Cryptography;

namespace Civitas.LinkedData.Proofs;

/// <summary>
/// A private key and the verification method (URL or DID URL) that names its public half. The caller owns the
/// underlying key object and disposes it.
/// </summary>
public sealed class SigningKey
{
    private SigningKey(string verificationMethod, RSA? rsa, Key? ed25519)
    {
        VerificationMethod = verificationMethod;
        Rsa = rsa;
        Ed25519 = ed25519;
    }

    public string VerificationMethod { get; }

    internal RSA? Rsa { get; }

    internal Key? Ed25519 { get; }

    public static SigningKey FromRsa(RSA rsa, string verificationMethod)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        ArgumentException.ThrowIfNullOrEmpty(verificationMethod);
        return new SigningKey(verificationMethod, rsa, null);
    }

    public static SigningKey FromEd25519(Key key, string verificationMethod)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(verificationMethod);
        if (key.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The key must be an Ed25519 key.", nameof(key));
        }

        return new SigningKey(verificationMethod, null, key);
    }
}
