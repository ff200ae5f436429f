namespace Civitas.Registry.Records;

/// <summary>A resident as other modules see it: decrypted data, status, locked auth types. Never logged.</summary>
public sealed record IdentityRecord(
    Guid Id,
    string Uin,
    IdentityStatus Status,
    IdentityData Data,
    bool HasStaticPin,
    IReadOnlySet<string> LockedAuthTypes,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc);

/// <summary>A virtual id of a resident, as handed out (the clear VID exists only in this answer).</summary>
public sealed record IssuedVid(string Vid, string VidType, DateTimeOffset? ExpiresAt);
