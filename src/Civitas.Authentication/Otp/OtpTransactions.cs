using Civitas.Authentication.Errors;
using Civitas.Authentication.Persistence;
using Civitas.Kernel.Otp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Otp;

/// <summary>
/// ID authentication's OTP bookkeeping around the kernel OTP manager (REFERENCE §5): which partner asked for an OTP
/// for whom under which transaction id, the flooding limit, and the wrong-OTP count that freezes OTP
/// authentication. The OTP itself lives only in the kernel, as a keyed hash, under a key that is itself a keyed
/// hash of (individual, partner, transaction). All state is in the database, so it holds across hosts and restarts.
/// </summary>
internal sealed class OtpTransactions(
    IDbContextFactory<AuthenticationDbContext> databases,
    IOtpService otp,
    KeyedHashes hashes,
    IOptions<AuthenticationOptions> options,
    TimeProvider clock)
{
    /// <summary>Checks the limits and creates an OTP; the caller sends it. Null OTP with an error when refused.</summary>
    public async Task<(string? Otp, IdaError? Error)> GenerateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var failures = await db.OtpFailures.AsNoTracking().SingleOrDefaultAsync(f => f.IndividualHash == individualHash, cancellationToken);
        if (failures?.FrozenUntilUtc > now)
        {
            return (null, IdaErrors.OtpFrozen);
        }
        var since = now.AddMinutes(-1);
        var recent = await db.OtpRequests.CountAsync(r => r.IndividualHash == individualHash && r.CreatedAtUtc > since, cancellationToken);
        if (recent >= options.Value.OtpRequestsPerMinute)
        {
            return (null, IdaErrors.OtpFlooding);
        }
        var generation = await otp.GenerateAsync(await hashes.OtpKeyAsync(uin, partnerId, transactionId, cancellationToken), cancellationToken);
        if (generation.Status != OtpGenerationStatus.Generated || generation.Otp is null)
        {
            return (null, IdaErrors.OtpFrozen);
        }
        db.OtpRequests.Add(new OtpRequestRow { Id = Guid.CreateVersion7(), IndividualHash = individualHash, PartnerId = partnerId, TransactionId = transactionId, CreatedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return (generation.Otp, null);
    }

    /// <summary>Validates an OTP given with an authentication; null when it is right.</summary>
    public async Task<IdaError?> ValidateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, string value, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var failures = await db.OtpFailures.SingleOrDefaultAsync(f => f.IndividualHash == individualHash, cancellationToken);
        if (failures?.FrozenUntilUtc > now)
        {
            return IdaErrors.OtpFrozen;
        }
        var requests = await db.OtpRequests.AsNoTracking()
            .Where(r => r.IndividualHash == individualHash)
            .OrderByDescending(r => r.CreatedAtUtc).Take(20)
            .Select(r => new { r.PartnerId, r.TransactionId })
            .ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return IdaErrors.OtpNotGenerated;
        }
        if (!requests.Any(r => r.PartnerId == partnerId && r.TransactionId == transactionId))
        {
            return requests.Any(r => r.TransactionId == transactionId) ? IdaErrors.OtpPartnerMismatch : IdaErrors.OtpTransactionMismatch;
        }

        var result = await otp.ValidateAsync(await hashes.OtpKeyAsync(uin, partnerId, transactionId, cancellationToken), value, cancellationToken);
        switch (result)
        {
            case OtpValidationResult.Valid:
                if (failures is not null)
                {
                    db.OtpFailures.Remove(failures);
                    await db.SaveChangesAsync(cancellationToken);
                }
                return null;
            case OtpValidationResult.Expired:
                return IdaErrors.OtpExpired;
            case OtpValidationResult.Blocked:
                return IdaErrors.OtpFrozen;
            default:
                return await CountFailureAsync(db, failures, individualHash, now, cancellationToken);
        }
    }

    private async Task<IdaError> CountFailureAsync(AuthenticationDbContext db, OtpFailureRow? failures, byte[] individualHash, DateTime now, CancellationToken cancellationToken)
    {
        if (failures is null)
        {
            failures = new OtpFailureRow { IndividualHash = individualHash };
            db.OtpFailures.Add(failures);
        }
        else if (failures.FrozenUntilUtc is { } until && until <= now)
        {
            // A freeze that has run out starts a fresh count.
            failures.FailedCount = 0;
            failures.FrozenUntilUtc = null;
        }
        failures.FailedCount++;
        failures.UpdatedAtUtc = now;
        var frozen = failures.FailedCount >= options.Value.OtpFailureLimit;
        if (frozen)
        {
            failures.FrozenUntilUtc = now.AddSeconds(options.Value.OtpFreezeSeconds);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two wrong OTPs for the same individual at the same moment: one insert loses; count it once more.
            await using var retry = await databases.CreateDbContextAsync(cancellationToken);
            var row = await retry.OtpFailures.SingleAsync(f => f.IndividualHash == individualHash, cancellationToken);
            row.FailedCount++;
            row.UpdatedAtUtc = now;
            frozen = row.FailedCount >= options.Value.OtpFailureLimit;
            if (frozen)
            {
                row.FrozenUntilUtc = now.AddSeconds(options.Value.OtpFreezeSeconds);
            }
            await retry.SaveChangesAsync(cancellationToken);
        }
        return frozen ? IdaErrors.OtpFrozen : IdaErrors.OtpInvalid;
    }
}
