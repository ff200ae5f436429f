using Microsoft.EntityFrameworkCore;

namespace Civitas.Registry.Persistence;

/// <summary>An identity row with the auth types locked for it, as one lookup reads them.</summary>
internal sealed record IdentityWithLocks(IdentityRow Row, List<string> LockedAuthTypes);

/// <summary>
/// The lookups every authentication makes, compiled once: the identity row and its auth-type locks come back in
/// one query, and EF does not translate the expression again on each call (profiling showed translation and a
/// second round trip as most of a lookup's cost; bench/README.md, "Authentication").
/// </summary>
internal static class IdentityLookups
{
    public static readonly Func<RegistryDbContext, byte[], CancellationToken, Task<IdentityWithLocks?>> ByUinHash =
        EF.CompileAsyncQuery((RegistryDbContext db, byte[] uinHash, CancellationToken _) =>
            db.Identities.AsNoTracking()
                .Where(r => r.UinHash == uinHash)
                .Select(r => new IdentityWithLocks(r, db.AuthLocks.Where(l => l.IdentityId == r.Id).Select(l => l.AuthType).ToList()))
                .SingleOrDefault());

    /// <summary>The identity a VID names, unless the VID has expired at <c>nowUtc</c>.</summary>
    public static readonly Func<RegistryDbContext, byte[], DateTime, CancellationToken, Task<IdentityWithLocks?>> ByVidHash =
        EF.CompileAsyncQuery((RegistryDbContext db, byte[] vidHash, DateTime nowUtc, CancellationToken _) =>
            db.Vids.AsNoTracking()
                .Where(v => v.VidHash == vidHash && (v.ExpiresAtUtc == null || v.ExpiresAtUtc > nowUtc))
                .Join(db.Identities.AsNoTracking(), v => v.IdentityId, r => r.Id, (v, r) => r)
                .Select(r => new IdentityWithLocks(r, db.AuthLocks.Where(l => l.IdentityId == r.Id).Select(l => l.AuthType).ToList()))
                .SingleOrDefault());
}
