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

    // What a new request is checked against once its own row is written: a freeze, and the requests of the last minute.
    private const string RequestLimits = $"""
        SELECT ({FailureCounter.FrozenCount}),
            (SELECT COUNT(*) FROM authentication_otp_requests WHERE "IndividualHash" = @key AND "CreatedAtUtc" > @since)
        """;

    // What an OTP is checked against before the kernel sees it: a freeze, and the resident's latest requests (a row
    // each; one row of NULLs when there are none). One query, so one round trip, where it took two.
    private const string ValidationState = $"""
        SELECT ({FailureCounter.FrozenCount}), r."PartnerId", r."TransactionId"
        FROM (SELECT 1 AS one) AS o
        LEFT JOIN (
            SELECT "PartnerId", "TransactionId" FROM authentication_otp_requests
            WHERE "IndividualHash" = @key ORDER BY "CreatedAtUtc" DESC LIMIT 20) AS r ON 1 = 1
        """;

    private readonly GroupCommittedStatement<AuthenticationDbContext> _requestRows =
        new(databases, InsertRequest, RequestColumns, StatementAnswer.RowsChanged, logger, "OTP request rows");

    private readonly GroupedQuery<AuthenticationDbContext, (bool Frozen, long Recent)> _requestLimits =
        new(databases, RequestLimits, ["key", "now", "since"], reader => (reader.GetInt64(0) > 0, reader.GetInt64(1)), logger, "OTP request limits");

    private readonly GroupedQuery<AuthenticationDbContext, (bool Frozen, string? PartnerId, string? TransactionId)> _validationState =
        new(databases, ValidationState, ["key", "now"],
            reader => (reader.GetInt64(0) > 0, reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)),
            logger, "OTP validation states");

    public async ValueTask DisposeAsync()
    {
        await _requestRows.DisposeAsync();
        await _requestLimits.DisposeAsync();
        await _validationState.DisposeAsync();
    }

    /// <summary>Checks the limits and creates an OTP; the caller sends it. Null OTP with an error when refused.</summary>
    public async Task<(string? Otp, IdaError? Error)> GenerateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The request is written first and checked after, so a parallel burst cannot all count the same number and all
        // pass: each sees at least its own row. A refused request's row is deleted again, so it neither extends the
        // flooding window nor leaves a transaction id an OTP could be validated under.
        var row = new OtpRequestRow { Id = Guid.CreateVersion7(), IndividualHash = individualHash, PartnerId = partnerId, TransactionId = transactionId, CreatedAtUtc = now };
        await _requestRows.RunAsync(row.Id, row.IndividualHash, row.PartnerId, row.TransactionId, row.CreatedAtUtc);
        var (frozen, recent) = (await _requestLimits.QueryAsync(individualHash, now, now.AddMinutes(-1)))[0];
        if (frozen || recent > options.Value.OtpRequestsPerMinute)
        {
            await DeleteRequestAsync(row.Id);
            return (null, frozen ? IdaErrors.OtpFrozen : IdaErrors.OtpFlooding);
        }
        var generation = await otp.GenerateAsync(await hashes.OtpKeyAsync(uin, partnerId, transactionId, cancellationToken), cancellationToken);
        if (generation.Status != OtpGenerationStatus.Generated || generation.Otp is null)
        {
            await DeleteRequestAsync(row.Id);
            return (null, IdaErrors.OtpFrozen);
        }
        return (generation.Otp, null);
    }

    // Not cancellable: a refused request's row goes whether or not its caller still waits.
    private async Task DeleteRequestAsync(Guid id)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.OtpRequests.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>
    /// Validates an OTP given with an authentication; null when it is right. The attempt is counted atomically before
    /// the kernel sees the value (<see cref="FailureCounter"/>): once the limit is reached further attempts are
    /// refused as frozen without being validated, however many arrive at the same moment.
    /// </summary>
    public async Task<IdaError?> ValidateAsync(string uin, byte[] individualHash, string partnerId, string transactionId, string value, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await _validationState.QueryAsync(individualHash, now);
        if (state[0].Frozen)
        {
            return IdaErrors.OtpFrozen;
        }
        if (state[0].TransactionId is null)
        {
            return IdaErrors.OtpNotGenerated;
        }
        if (!state.Any(r => r.PartnerId == partnerId && r.TransactionId == transactionId))
        {
            return state.Any(r => r.TransactionId == transactionId) ? IdaErrors.OtpPartnerMismatch : IdaErrors.OtpTransactionMismatch;
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
