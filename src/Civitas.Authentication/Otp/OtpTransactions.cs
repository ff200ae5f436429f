using Civitas.Authentication.Errors;
using Civitas.Authentication.Persistence;
using Civitas.Kernel.Otp;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
    FailureCounter failures,
    IOptions<AuthenticationOptions> options,
    TimeProvider clock,
    ILogger<OtpTransactions> logger) : IAsyncDisposable
{
    // Every OTP request writes its row, so the rows are group-committed (GroupCommittedStatement).
    private static readonly string[] RequestColumns = ["Id", "IndividualHash", "PartnerId", "TransactionId", "CreatedAtUtc"];

    private static readonly string InsertRequest = RawStatements.Insert("authentication_otp_requests", RequestColumns);

    private readonly GroupCommittedStatement<AuthenticationDbContext> _requestRows =
        new(databases, InsertRequest, RequestColumns, StatementAnswer.RowsChanged, logger, "OTP request rows");

    public ValueTask DisposeAsync() => _requestRows.DisposeAsync();

    /// <summary>Checks the limits and creates an OTP; the caller sends it. Null OTP with an error when refused.</summary>
    public async Task<(string? Otp, IdaError? Error)> GenerateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await failures.IsFrozenAsync(individualHash, now, cancellationToken))
        {
            return (null, IdaErrors.OtpFrozen);
        }
        // The request is written first and counted after, so a parallel burst cannot all count the same number and all
        // pass: each sees at least its own row. A refused request's row is deleted again, so it neither extends the
        // flooding window nor leaves a transaction id an OTP could be validated under.
        var row = new OtpRequestRow { Id = Guid.CreateVersion7(), IndividualHash = individualHash, PartnerId = partnerId, TransactionId = transactionId, CreatedAtUtc = now };
        await _requestRows.RunAsync(row.Id, row.IndividualHash, row.PartnerId, row.TransactionId, row.CreatedAtUtc);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var since = now.AddMinutes(-1);
        var recent = await db.OtpRequests.CountAsync(r => r.IndividualHash == individualHash && r.CreatedAtUtc > since, cancellationToken);
        if (recent > options.Value.OtpRequestsPerMinute)
        {
            await db.OtpRequests.Where(r => r.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
            return (null, IdaErrors.OtpFlooding);
        }
        var generation = await otp.GenerateAsync(await hashes.OtpKeyAsync(uin, partnerId, transactionId, cancellationToken), cancellationToken);
        if (generation.Status != OtpGenerationStatus.Generated || generation.Otp is null)
        {
            await db.OtpRequests.Where(r => r.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
            return (null, IdaErrors.OtpFrozen);
        }
        return (generation.Otp, null);
    }

    /// <summary>
    /// Validates an OTP given with an authentication; null when it is right. The attempt is counted atomically before
    /// the kernel sees the value (<see cref="FailureCounter"/>): once the limit is reached further attempts are
    /// refused as frozen without being validated, however many arrive at the same moment.
    /// </summary>
    public async Task<IdaError?> ValidateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, string value, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await failures.IsFrozenAsync(individualHash, now, cancellationToken))
        {
            return IdaErrors.OtpFrozen;
        }
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
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
        }

        var limit = options.Value.OtpFailureLimit;
        var freezeUntil = now.AddSeconds(options.Value.OtpFreezeSeconds);
        var count = await failures.ReserveAsync(individualHash, now);
        if (count > limit)
        {
            await failures.FreezeAsync(individualHash, now, freezeUntil, cancellationToken);
            return IdaErrors.OtpFrozen;
        }

        var result = await otp.ValidateAsync(await hashes.OtpKeyAsync(uin, partnerId, transactionId, cancellationToken), value, cancellationToken);
        switch (result)
        {
            case OtpValidationResult.Valid:
                await failures.ResetAsync(individualHash, now);
                return null;
            case OtpValidationResult.Expired:
                await failures.ReleaseAsync(individualHash, cancellationToken);
                return IdaErrors.OtpExpired;
            case OtpValidationResult.Blocked:
                await failures.ReleaseAsync(individualHash, cancellationToken);
                return IdaErrors.OtpFrozen;
            default:
                if (count >= limit)
                {
                    await failures.FreezeAsync(individualHash, now, freezeUntil, cancellationToken);
                    return IdaErrors.OtpFrozen;
                }
                return IdaErrors.OtpInvalid;
        }
    }

}
