using System.Security.Cryptography;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Otp;

/// <summary>
/// OTP state lives only in the database, so freezes survive restarts and hold across hosts. A validation is one
/// conditional UPDATE … RETURNING: it counts the attempt (freezing the key when the threshold is reached) and, if
/// the offered OTP is right and unexpired, consumes it, all on one locked row. Parallel guesses therefore cannot
/// exceed the threshold, and of two parallel right answers only the first finds the OTP still there.
/// Only a refusal (no pending OTP, or a frozen key) takes a second, read-only statement to say which.
/// </summary>
internal sealed class OtpService(
    KernelStore store,
    OtpHasher hasher,
    IOptions<KernelOptions> options,
    TimeProvider clock) : IOtpService
{
    public const int MinKeyLength = 3;
    public const int MaxKeyLength = 64;
    private const string Digits = "0123456789";

    // A new OTP keeps the failure count (a fresh code must not reset it) unless a freeze has ended.
    private static readonly KernelStatement Generate = new("""
        INSERT INTO kernel_otp (key_hash, otp_hash, expires_at_ms, attempts, frozen_until_ms)
        VALUES (@k, @h, @exp, 0, NULL)
        ON CONFLICT (key_hash) DO UPDATE SET
            otp_hash = @h,
            expires_at_ms = @exp,
            attempts = CASE WHEN kernel_otp.frozen_until_ms IS NULL THEN kernel_otp.attempts ELSE 0 END,
            frozen_until_ms = NULL
        WHERE kernel_otp.frozen_until_ms IS NULL OR kernel_otp.frozen_until_ms <= @now
        RETURNING attempts
        """, "@k", "@h", "@exp", "@now");

    // Every SET expression sees the row as it was. A right, unexpired OTP is consumed and the count reset;
    // anything else counts one attempt (a key whose freeze has ended starts again from one) and freezes the
    // key at the threshold. The comparison of the two digests in SQL leaks nothing through its timing: both
    // are HMACs under a key the caller does not know, so how far they agree says nothing about other guesses
    // (the "double HMAC" comparison).
    private static readonly KernelStatement Validate = new("""
        UPDATE kernel_otp SET
            otp_hash = CASE WHEN otp_hash = @h AND expires_at_ms > @now THEN NULL ELSE otp_hash END,
            attempts = CASE WHEN otp_hash = @h AND expires_at_ms > @now THEN 0
                WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END,
            frozen_until_ms = CASE WHEN otp_hash = @h AND expires_at_ms > @now THEN NULL
                WHEN (CASE WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END) >= @threshold THEN @freeze
                ELSE NULL END
        WHERE key_hash = @k AND otp_hash IS NOT NULL
            AND ((frozen_until_ms IS NULL AND attempts < @threshold) OR frozen_until_ms <= @now)
        RETURNING otp_hash IS NULL, expires_at_ms, attempts
        """, "@h", "@now", "@threshold", "@freeze", "@k");

    private static readonly KernelStatement State = new("SELECT frozen_until_ms FROM kernel_otp WHERE key_hash = @k", "@k");

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

        var stored = await store.QueryAsync(
            Generate, [keyHash, otpHash, now + (settings.ExpirySeconds * 1000L), now], _ => true, cancellationToken);
        return stored.Count == 0
            ? new OtpGeneration(OtpGenerationStatus.Blocked, null)
            : new OtpGeneration(OtpGenerationStatus.Generated, otp);
    }

    public async Task<OtpValidationResult> ValidateAsync(string key, string otp, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(otp);
        var settings = Settings;
        var keyHash = new byte[OtpHasher.HashBytes];
        var offered = new byte[OtpHasher.HashBytes];
        hasher.HashKey(key, keyHash);
        hasher.HashOtp(keyHash, otp, offered);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        var outcome = await store.QuerySingleAsync(
            Validate,
            [offered, now, settings.AttemptThreshold, now + (settings.FreezeSeconds * 1000L), keyHash],
            reader => new Outcome(reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt32(2)),
            null,
            cancellationToken);

        if (outcome is null)
        {
            return await ExplainRefusalAsync(keyHash, now, cancellationToken);
        }

        if (outcome.Consumed)
        {
            return OtpValidationResult.Valid;
        }

        if (outcome.ExpiresAtMs <= now)
        {
            return OtpValidationResult.Expired;
        }

        return outcome.Attempts >= settings.AttemptThreshold ? OtpValidationResult.Blocked : OtpValidationResult.Invalid;
    }

    private async Task<OtpValidationResult> ExplainRefusalAsync(byte[] keyHash, long now, CancellationToken cancellationToken)
    {
        var rows = await store.QueryAsync(State, [keyHash], reader => reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0), cancellationToken);
        return rows is [{ } frozenUntil] && frozenUntil > now ? OtpValidationResult.Blocked : OtpValidationResult.NotFound;
    }

    private static void EnsureKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"An OTP key has {MinKeyLength}–{MaxKeyLength} characters.", nameof(key));
        }
    }

    private sealed record Outcome(bool Consumed, long ExpiresAtMs, int Attempts);
}
