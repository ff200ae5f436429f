namespace Civitas.Keys.Signatures;

/// <summary>The JWS algorithms Civitas signs and verifies with. "none" and HMAC are never accepted.</summary>
public static class JwsAlgorithms
{
    public const string RS256 = "RS256";
    public const string PS256 = "PS256";
    public const string ES256 = "ES256";

    public static bool IsSupported(string? algorithm) => algorithm is RS256 or PS256 or ES256;
}
