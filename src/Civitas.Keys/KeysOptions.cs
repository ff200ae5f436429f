namespace Civitas.Keys;

/// <summary>Configuration under <c>Civitas:Keys</c>.</summary>
public sealed class KeysOptions
{
    public const string Section = "Civitas:Keys";

    /// <summary><c>Software</c> (default, keys encrypted in the database) or <c>Pkcs11</c>.</summary>
    public KeyStoreKind Store { get; set; } = KeyStoreKind.Software;

    /// <summary>
    /// Base64 of the 32-byte key-encryption key for the software store. When empty the KEK is read from
    /// (or created in) <c>keys/kek.bin</c> under the data directory. Every node of a cluster must use the same KEK.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Per-application overrides of validity/pre-expiry days; keys are application ids.</summary>
    public Dictionary<string, KeyPolicyOptions> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>Create ROOT and an application's master key on first use (no key ceremony for the embedded default).</summary>
    public bool AutoCreateMasterKeys { get; set; } = true;

    /// <summary>Subject used for keys generated without one in the request.</summary>
    public CertificateSubjectOptions DefaultSubject { get; set; } = new();

    public Pkcs11Options Pkcs11 { get; set; } = new();

    /// <summary>How long a node trusts its cached view of "the current key" before asking the database again.</summary>
    public TimeSpan CurrentKeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class KeyPolicyOptions
{
    public int ValidityDays { get; set; }

    public int PreExpireDays { get; set; }
}

public sealed class CertificateSubjectOptions
{
    public string CommonName { get; set; } = "Civitas";
    public string OrganizationUnit { get; set; } = "Civitas";
    public string Organization { get; set; } = "Civitas";
    public string Location { get; set; } = "Civitas";
    public string State { get; set; } = "Civitas";
    public string Country { get; set; } = "ZZ";
}

public sealed class Pkcs11Options
{
    public string LibraryPath { get; set; } = "/usr/lib/softhsm/libsofthsm2.so";
    public string TokenLabel { get; set; } = "civitas";

    /// <summary>User PIN; supply it through the environment (<c>Civitas__Keys__Pkcs11__Pin</c>) or a secret, never a committed file.</summary>
    public string? Pin { get; set; }

    /// <summary>Maximum concurrent token sessions (PKCS#11 sessions are not thread-safe).</summary>
    public int MaxSessions { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
}

public enum KeyStoreKind
{
    Software,
    Pkcs11,
}
