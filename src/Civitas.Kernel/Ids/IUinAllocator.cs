namespace Civitas.Kernel.Ids;

/// <summary>UINs from the pre-generated pool: each handed out once, across concurrent requests and hosts.</summary>
public interface IUinAllocator
{
    /// <summary>An unused UIN, now ISSUED. Throws <see cref="InvalidOperationException"/> when the pool cannot be refilled.</summary>
    Task<string> AllocateAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves an ISSUED UIN to ASSIGNED or UNASSIGNED.</summary>
    Task<UinStatusChange> UpdateStatusAsync(string uin, string status, CancellationToken cancellationToken = default);
}

public enum UinStatusChange
{
    Updated,
    NotFound,
    UnknownStatus,
    NotIssued,
}

/// <summary>Checks identifiers against the configured filters and check digits, for modules that receive them.</summary>
public interface IIdValidator
{
    bool IsValidUin(ReadOnlySpan<char> uin);

    bool IsValidVid(ReadOnlySpan<char> vid);

    /// <summary>Centre id, machine id, sequence and a real UTC timestamp, all digits, of the configured lengths.</summary>
    bool IsValidRid(ReadOnlySpan<char> rid);
}

/// <summary>MOSIP's static token id: the same token for the same UIN and partner, unlinkable across partners.</summary>
public interface IStaticTokenGenerator
{
    string Generate(string uin, string partnerCode);
}

/// <summary>Registration ids: centre + machine + per-(centre, machine) sequence + UTC timestamp.</summary>
public interface IRidGenerator
{
    Task<string> GenerateAsync(string centerId, string machineId, CancellationToken cancellationToken = default);
}

/// <summary>Virtual ids of a configured type, each handed out once.</summary>
public interface IVidGenerator
{
    /// <summary>A new VID of <paramref name="vidType"/> (null = the default type); null when the type is unknown.</summary>
    Task<GeneratedVid?> GenerateAsync(string? vidType, CancellationToken cancellationToken = default);
}

public sealed record GeneratedVid(string Vid, string VidType, DateTimeOffset? ExpiresAt);
