namespace Civitas.Keys.Policy;

/// <summary>How long keys of one application live, and how long before expiry a successor takes over.</summary>
public sealed record KeyPolicy(string ApplicationId, int ValidityDays, int PreExpireDays)
{
    public DateTime ExpiryFor(DateTime generatedUtc) => generatedUtc.AddDays(ValidityDays);

    /// <summary>
    /// A key is current (used for new encryptions and signatures) from its generation until
    /// <c>PreExpireDays</c> before it expires; after that a new key is made and the old one only decrypts/verifies.
    /// </summary>
    public bool IsCurrent(DateTime generatedUtc, DateTime expiresUtc, DateTime atUtc) =>
        generatedUtc <= atUtc && atUtc < expiresUtc.AddDays(-PreExpireDays);
}
