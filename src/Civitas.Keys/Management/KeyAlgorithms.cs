namespace Civitas.Keys.Management;

/// <summary>Key algorithms recorded on key aliases.</summary>
internal static class KeyAlgorithms
{
    public const string Rsa2048 = "RSA_2048";
    public const string EcP256 = "EC_P256";

    /// <summary>MOSIP's reference id that asks for an EC P-256 signing key under an application.</summary>
    public const string EcP256SignReference = "EC_SECP256R1_SIGN";
}
