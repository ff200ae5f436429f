namespace Civitas.Registry.Persistence;

/// <summary>One resident: the UIN only as a keyed hash, everything else in one sealed document.</summary>
internal sealed class IdentityRow
{
    public Guid Id { get; set; }

    public byte[] UinHash { get; set; } = [];

    public string Status { get; set; } = "";

    /// <summary>AES-256-GCM: nonce(12) ‖ ciphertext ‖ tag(16), bound to <see cref="Id"/> as associated data.</summary>
    public byte[] Document { get; set; } = [];

    public string? PinHash { get; set; }

    /// <summary>Optimistic concurrency: an update that read an older version fails instead of overwriting.</summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class VidRow
{
    public byte[] VidHash { get; set; } = [];

    public Guid IdentityId { get; set; }

    public string VidType { get; set; } = "";

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class AuthLockRow
{
    public Guid IdentityId { get; set; }

    public string AuthType { get; set; } = "";

    public DateTime LockedAtUtc { get; set; }
}

/// <summary>A registry secret (data key, lookup key), stored only wrapped by the key manager.</summary>
internal sealed class DataKeyRow
{
    public string Purpose { get; set; } = "";

    public byte[] Wrapped { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
}
