using System.Security.Cryptography;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Otp;

/// <summary>
/// OTP state lives only in the database, so freezes survive restarts and hold across hosts. Every validation
/// first reserves an attempt with one conditional UPDATE (which also freezes the key when the threshold is
/// reached) and only then compares: parallel guesses cannot exceed the threshold, and a correct OTP is consumed
/// by a second conditional UPDATE, so two parallel correct validations cannot both succeed.
/// </summary>
internal sealed class OtpService(
    IDbContextFactory<KernelDbContext> databases,
    OtpHasher hasher,
    IOptions<KernelOptions> options,
    WriteGate gate,
    TimeProvider clock) : IOtpService
{
    public const int MinKeyLength = 3;
    public const int MaxKeyLength = 64;
    private const string Digits = "0123456789";

    // A new OTP keeps the failure count (a fresh code must not reset it) unless a freeze has ended.
    private const string GenerateSql = """
        INSERT INTO kernel_otp (key_hash, otp_hash, expires_at_ms, attempts, frozen_until_ms)
        VALUES (@k, @h, @exp, 0, NULL)
        ON CONFLICT (key_hash) DO UPDATE SET
            otp_hash = @h,
            expires_at_ms = @exp,
            attempts = CASE WHEN kernel_otp.frozen_until_ms IS NULL THEN kernel_otp.attempts ELSE 0 END,
            frozen_until_ms = NULL
        WHERE kernel_otp.frozen_until_ms IS NULL OR kernel_otp.frozen_until_ms <= @now
        RETURNING attempts
        """;

    // Reserves one attempt. A key whose freeze has ended starts counting again from one.
    private const string ReserveSql = """
        UPDATE kernel_otp SET
            attempts = CASE WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END,
            frozen_until_ms = CASE WHEN (CASE WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END) >= @threshold
                THEN @freeze ELSE NULL END
        WHERE key_hash = @k AND otp_hash IS NOT NULL
            AND ((frozen_until_ms IS NULL AND attempts < @threshold) OR frozen_until_ms <= @now)
        RETURNING otp_hash, expires_at_ms, attempts
        """;

    private const string ConsumeSql = """
        UPDATE kernel_otp SET otp_hash = NULL, attempts = 0, frozen_until_ms = NULL
        WHERE key_hash = @k AND otp_hash = @h
        """;

    private const string StateSql = "SELECT frozen_until_ms FROM kernel_otp WHERE key_hash = @k";

    private OtpSettings Settings => options.Value.Otp;

    public static bool IsValidKey(string? key) => key is { Length: >= MinKeyLength and <= MaxKeyLength };

    public async Task<OtpGeneration> GenerateAsync(string key, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        var settings = Settings;
        var otp = RandomNumberGenerator.GetString(Digits, settings.Length);
        var keyHash = new byte[OtpHasher.HashBytes];
        var otpHash = new byte[OtpHasher.HashBytes];
        hasher.HashKey(key, keyHash);
        hasher.HashOtp(keyHash, otp, otpHash);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var command = (await KernelSql.CommandAsync(db, GenerateSql, cancellationToken))
            .With("@k", keyHash).With("@h", otpHash).With("@exp", now + (settings.ExpirySeconds * 1000L)).With("@now", now);
        object? stored;
        using (await gate.EnterAsync(cancellationToken))
        {
            stored = await command.ExecuteScalarAsync(cancellationToken);
        }

        return stored is null or DBNull
            ? new OtpGeneration(OtpGenerationStatus.Blocked, null)
            : new OtpGeneration(OtpGenerationStatus.Generated, otp);
    }

    public async Task<OtpValidationResult> ValidateAsync(string key, string otp, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(otp);
        var settings = Settings;
        var keyHash = new byte[OtpHasher.HashBytes];
        hasher.HashKey(key, keyHash);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        byte[] storedHash;
        long expiresAt;
        int attempts;
        await using (var reserve = (await KernelSql.CommandAsync(db, ReserveSql, cancellationToken))
            .With("@k", keyHash).With("@threshold", settings.AttemptThreshold)
            .With("@freeze", now + (settings.FreezeSeconds * 1000L)).With("@now", now))
        using (await gate.EnterAsync(cancellationToken))
        await using (var reader = await reserve.ExecuteReaderAsync(cancellationToken))
        {
            var reserved = await reader.ReadAsync(cancellationToken);
            storedHash = reserved ? reader.GetFieldValue<byte[]>(0) : [];
            expiresAt = reserved ? reader.GetInt64(1) : 0;
            attempts = reserved ? reader.GetInt32(2) : 0;
        }

        if (storedHash.Length == 0)
        {
            return await ExplainRefusalAsync(db, keyHash, now, cancellationToken);
        }

        if (expiresAt <= now)
        {
            return OtpValidationResult.Expired;
        }

        Span<byte> offered = stackalloc byte[OtpHasher.HashBytes];
        hasher.HashOtp(keyHash, otp, offered);
        if (!CryptographicOperations.FixedTimeEquals(offered, storedHash))
        {
            return attempts >= settings.AttemptThreshold ? OtpValidationResult.Blocked : OtpValidationResult.Invalid;
        }

        await using var consume = (await KernelSql.CommandAsync(db, ConsumeSql, cancellationToken))
            .With("@k", keyHash).With("@h", storedHash);
        using (await gate.EnterAsync(cancellationToken))
        {
            // Zero rows: a parallel validation consumed this OTP first; single use wins over this caller.
            return await consume.ExecuteNonQueryAsync(cancellationToken) == 1 ? OtpValidationResult.Valid : OtpValidationResult.Invalid;
        }
    }

    private static async Task<OtpValidationResult> ExplainRefusalAsync(KernelDbContext db, byte[] keyHash, long now, CancellationToken cancellationToken)
    {
        await using var command = (await KernelSql.CommandAsync(db, StateSql, cancellationToken)).With("@k", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return OtpValidationResult.NotFound;
        }

        var frozen = !reader.IsDBNull(0) && reader.GetInt64(0) > now;
        return frozen ? OtpValidationResult.Blocked : OtpValidationResult.NotFound;
    }

    private static void EnsureKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"An OTP key has {MinKeyLength}–{MaxKeyLength} characters.", nameof(key));
        }
    }
}
