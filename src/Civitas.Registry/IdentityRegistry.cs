using Civitas.Kernel.Ids;
using Civitas.Registry.Persistence;
using Civitas.Registry.Protection;
using Civitas.Registry.Records;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Registry;

/// <summary>
/// Reads and changes identity records. Every lookup goes through the keyed hash of the UIN/VID; documents are
/// opened only in memory. Changes are single transactions, so a failed request leaves nothing behind.
/// </summary>
internal sealed class IdentityRegistry(
    IDbContextFactory<RegistryDbContext> databases,
    IdentityLookups lookups,
    RegistryKeyRing keyRing,
    IUinAllocator uins,
    IVidGenerator vids,
    IIdValidator validator,
    TimeProvider clock) : IIdentityRegistry, IIdentityImport
{
    public async Task<ImportResult> ImportAsync(string? uin, IdentityData? data, string? staticPin, CancellationToken cancellationToken = default)
    {
        var outcome = await CreateAsync(uin, data, staticPin, cancellationToken);
        return new ImportResult(outcome.Value?.Uin, outcome.Problems, outcome.Detail);
    }

    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ImportItem> items, CancellationToken cancellationToken = default) =>
        new IdentityBatchImport(databases, keyRing, uins, validator, this, clock).ImportAsync(items, cancellationToken);

    public async Task<IdentityRecord?> FindAsync(IndividualIdType type, string individualId, CancellationToken cancellationToken = default)
    {
        var keys = await keyRing.GetAsync(cancellationToken);
        var hash = LookupHash.Of(type, individualId, keys.LookupKey);
        var found = type == IndividualIdType.Uin
            ? await lookups.ByUinHashAsync(hash)
            : await lookups.ByVidHashAsync(hash, clock.GetUtcNow().UtcDateTime);
        return found is null ? null : ToRecord(found.Row, found.LockedAuthTypes, keys);
    }

    public async Task<bool> VerifyStaticPinAsync(Guid identityId, string pin, CancellationToken cancellationToken = default)
    {
        var keys = await keyRing.GetAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stored = await db.Identities.Where(r => r.Id == identityId).Select(r => r.PinHash).SingleOrDefaultAsync(cancellationToken);
        return stored is not null && StaticPinHash.Verify(pin, stored, keys.LookupKey);
    }

    public async Task<RegistryOutcome<IdentityRecord>> CreateAsync(string? uin, IdentityData? data, string? staticPin, CancellationToken cancellationToken)
    {
        var problems = IdentityValidation.Check(data, staticPin, clock);
        if (uin is not null && !validator.IsValidUin(uin))
        {
            problems["uin"] = ["Not a valid UIN (length, check digit and filters)."];
        }

        if (problems.Count > 0)
        {
            return RegistryOutcome<IdentityRecord>.Invalid(problems);
        }

        var keys = await keyRing.GetAsync(cancellationToken);
        var allocated = uin is null;
        uin ??= await uins.AllocateAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new IdentityRow
        {
            Id = Guid.NewGuid(),
            UinHash = LookupHash.Of(IndividualIdType.Uin, uin, keys.LookupKey),
            Status = nameof(IdentityStatus.Active),
            PinHash = staticPin is null ? null : StaticPinHash.Create(staticPin, keys.LookupKey),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        row.Document = IdentitySealer.Seal(new StoredIdentity(uin, data!), row.Id, keys.DataKey);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Identities.AnyAsync(r => r.UinHash == row.UinHash, cancellationToken))
        {
            return RegistryOutcome<IdentityRecord>.Conflict("An identity with this UIN exists.");
        }

        db.Identities.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return RegistryOutcome<IdentityRecord>.Conflict("An identity with this UIN exists.");
        }

        if (allocated)
        {
            // The pool hands out ISSUED UINs; once a record holds it, it is ASSIGNED.
            await uins.UpdateStatusAsync(uin, "ASSIGNED", cancellationToken);
        }

        return RegistryOutcome<IdentityRecord>.Done(await ToRecordAsync(db, row, keys, cancellationToken));
    }

    public async Task<RegistryOutcome<IdentityRecord>> UpdateAsync(string uin, IdentityData? data, CancellationToken cancellationToken)
    {
        var problems = IdentityValidation.Check(data, null, clock);
        if (problems.Count > 0)
        {
            return RegistryOutcome<IdentityRecord>.Invalid(problems);
        }

        return await ChangeAsync(uin, (row, keys) => row.Document = IdentitySealer.Seal(new StoredIdentity(uin, data!), row.Id, keys.DataKey), cancellationToken);
    }

    public Task<RegistryOutcome<IdentityRecord>> SetStatusAsync(string uin, string? status, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<IdentityStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return Task.FromResult(RegistryOutcome<IdentityRecord>.Invalid("status", "Use ACTIVE, BLOCKED or DEACTIVATED."));
        }

        return ChangeAsync(uin, (row, _) => row.Status = parsed.ToString(), cancellationToken);
    }

    public async Task<RegistryOutcome<IdentityRecord>> SetAuthLockAsync(string uin, string authType, bool locked, CancellationToken cancellationToken)
    {
        if (!IdentityValidation.IsAuthType(authType))
        {
            return RegistryOutcome<IdentityRecord>.Invalid("authType", "Use demo, otp, pin, bio, bio-Finger, bio-Iris or bio-Face.");
        }

        var keys = await keyRing.GetAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await FindRowAsync(db, IndividualIdType.Uin, uin, keys, cancellationToken);
        if (row is null)
        {
            return RegistryOutcome<IdentityRecord>.NotFound();
        }

        var existing = await db.AuthLocks.FindAsync([row.Id, authType], cancellationToken);
        if (locked && existing is null)
        {
            db.AuthLocks.Add(new AuthLockRow { IdentityId = row.Id, AuthType = authType, LockedAtUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (!locked && existing is not null)
        {
            db.AuthLocks.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RegistryOutcome<IdentityRecord>.Done(await ToRecordAsync(db, row, keys, cancellationToken));
    }

    public async Task<RegistryOutcome<IssuedVid>> IssueVidAsync(string uin, string? vidType, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await FindRowAsync(db, IndividualIdType.Uin, uin, keys, cancellationToken);
        if (row is null)
        {
            return RegistryOutcome<IssuedVid>.NotFound();
        }

        if (row.Status != nameof(IdentityStatus.Active))
        {
            return RegistryOutcome<IssuedVid>.Conflict("VIDs are issued only to active identities.");
        }

        var generated = await vids.GenerateAsync(vidType, cancellationToken);
        if (generated is null)
        {
            return RegistryOutcome<IssuedVid>.Invalid("vidType", "Unknown VID type.");
        }

        db.Vids.Add(new VidRow
        {
            VidHash = LookupHash.Of(IndividualIdType.Vid, generated.Vid, keys.LookupKey),
            IdentityId = row.Id,
            VidType = generated.VidType,
            ExpiresAtUtc = generated.ExpiresAt?.UtcDateTime,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryOutcome<IssuedVid>.Done(new IssuedVid(generated.Vid, generated.VidType, generated.ExpiresAt));
    }

    private async Task<RegistryOutcome<IdentityRecord>> ChangeAsync(string uin, Action<IdentityRow, RegistryKeys> change, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await FindRowAsync(db, IndividualIdType.Uin, uin, keys, cancellationToken, tracked: true);
        if (row is null)
        {
            return RegistryOutcome<IdentityRecord>.NotFound();
        }

        change(row, keys);
        row.Version++;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RegistryOutcome<IdentityRecord>.Conflict("The identity was changed by another request; read it again and retry.");
        }

        return RegistryOutcome<IdentityRecord>.Done(await ToRecordAsync(db, row, keys, cancellationToken));
    }

    private async Task<IdentityRow?> FindRowAsync(RegistryDbContext db, IndividualIdType type, string id, RegistryKeys keys, CancellationToken cancellationToken, bool tracked = false)
    {
        var hash = LookupHash.Of(type, id, keys.LookupKey);
        var identities = tracked ? db.Identities : db.Identities.AsNoTracking();
        if (type == IndividualIdType.Uin)
        {
            return await identities.SingleOrDefaultAsync(r => r.UinHash == hash, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var vid = await db.Vids.AsNoTracking().SingleOrDefaultAsync(v => v.VidHash == hash, cancellationToken);
        return vid is null || vid.ExpiresAtUtc <= now
            ? null
            : await identities.SingleOrDefaultAsync(r => r.Id == vid.IdentityId, cancellationToken);
    }

    private static async Task<IdentityRecord> ToRecordAsync(RegistryDbContext db, IdentityRow row, RegistryKeys keys, CancellationToken cancellationToken)
    {
        var locks = await db.AuthLocks.AsNoTracking().Where(l => l.IdentityId == row.Id).Select(l => l.AuthType).ToListAsync(cancellationToken);
        return ToRecord(row, locks, keys);
    }

    private static IdentityRecord ToRecord(IdentityRow row, List<string> locks, RegistryKeys keys)
    {
        var stored = IdentitySealer.Open(row.Document, row.Id, keys.DataKey);
        return new IdentityRecord(
            row.Id,
            stored.Uin,
            Enum.Parse<IdentityStatus>(row.Status),
            stored.Data,
            row.PinHash is not null,
            locks.ToHashSet(StringComparer.Ordinal),
            row.CreatedAtUtc,
            row.UpdatedAtUtc);
    }
}
