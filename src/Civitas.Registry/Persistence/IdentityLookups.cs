using System.Data.Common;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Registry.Persistence;

/// <summary>An identity row with the auth types locked for it, as one lookup reads them.</summary>
internal sealed record IdentityWithLocks(IdentityRow Row, List<string> LockedAuthTypes);

/// <summary>
/// The lookups every authentication makes: the identity row and its auth-type locks in one hand-written query
/// (a row per lock), by the keyed hash of a UIN or of an unexpired VID. On PostgreSQL the lookups of concurrent
/// requests share a round trip (<see cref="GroupedQuery{TContext, TRow}"/>); EF Core's query pipeline was the
/// largest single cost of a lookup before that (bench/README.md, "Authentication").
/// </summary>
internal sealed class IdentityLookups : IAsyncDisposable
{
    private const string Columns = """
        r."Id", r."UinHash", r."Status", r."Document", r."PinHash", r."Version", r."CreatedAtUtc", r."UpdatedAtUtc", l."AuthType"
        """;

    private const string ByUinSql = $"""
        SELECT {Columns}
        FROM registry_identities AS r
        LEFT JOIN registry_auth_locks AS l ON l."IdentityId" = r."Id"
        WHERE r."UinHash" = @hash
        """;

    private const string ByVidSql = $"""
        SELECT {Columns}
        FROM registry_vids AS v
        JOIN registry_identities AS r ON r."Id" = v."IdentityId"
        LEFT JOIN registry_auth_locks AS l ON l."IdentityId" = r."Id"
        WHERE v."VidHash" = @hash AND (v."ExpiresAtUtc" IS NULL OR v."ExpiresAtUtc" > @now)
        """;

    private readonly GroupedQuery<RegistryDbContext, LockedRow> _byUin;
    private readonly GroupedQuery<RegistryDbContext, LockedRow> _byVid;

    public IdentityLookups(IDbContextFactory<RegistryDbContext> databases, ILogger<IdentityLookups> logger)
    {
        _byUin = new(databases, ByUinSql, ["hash"], Read, logger, "identities by UIN");
        _byVid = new(databases, ByVidSql, ["hash", "now"], Read, logger, "identities by VID");
    }

    public async Task<IdentityWithLocks?> ByUinHashAsync(byte[] uinHash) => Combine(await _byUin.QueryAsync(uinHash));

    /// <summary>The identity a VID names, unless the VID has expired at <paramref name="nowUtc"/>.</summary>
    public async Task<IdentityWithLocks?> ByVidHashAsync(byte[] vidHash, DateTime nowUtc) => Combine(await _byVid.QueryAsync(vidHash, nowUtc));

    public async ValueTask DisposeAsync()
    {
        await _byUin.DisposeAsync();
        await _byVid.DisposeAsync();
    }

    // Both keys are unique, so every row names the same identity, once per lock (one row with no lock when none).
    private static IdentityWithLocks? Combine(IReadOnlyList<LockedRow> rows) => rows.Count == 0
        ? null
        : new IdentityWithLocks(rows[0].Row, [.. rows.Select(r => r.Lock).OfType<string>()]);

    private static LockedRow Read(DbDataReader reader) => new(
        new IdentityRow
        {
            Id = reader.GetGuid(0),
            UinHash = reader.GetFieldValue<byte[]>(1),
            Status = reader.GetString(2),
            Document = reader.GetFieldValue<byte[]>(3),
            PinHash = reader.IsDBNull(4) ? null : reader.GetString(4),
            Version = reader.GetInt32(5),
            // SQLite keeps the text EF Core wrote, without a kind; every time in these tables is UTC.
            CreatedAtUtc = DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
            UpdatedAtUtc = DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc),
        },
        reader.IsDBNull(8) ? null : reader.GetString(8));

    private sealed record LockedRow(IdentityRow Row, string? Lock);
}
