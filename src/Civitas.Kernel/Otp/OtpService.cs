using System.Security.Cryptography;
using Civitas.Common.Persistence;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Otp;

/// <summary>
/// OTP state lives only in the database, so freezes survive restarts and hold across hosts. A validation is one
/// conditional UPDATE … RETURNING: it counts the attempt (freezing the key when the threshold is reached) and, if
/// the offered OTP is right and unexpired, consumes it, all on one locked row. Parallel guesses therefore cannot
/// exceed the threshold, and of two parallel right answers only the first finds the OTP still there.
/// Only a refusal (no pending OTP, or a frozen key) takes a second, read-only statement to say which.
/// On PostgreSQL parallel calls are gathered into one such statement over many keys (<see cref="KeyedBatcher{TItem, TResult}"/>):
/// each key once per statement, each caller answered from its own row, the same counting as one call at a time.
/// </summary>
internal sealed class OtpService : IOtpService, IAsyncDisposable
{
    public const int MinKeyLength = 3;
    public const int MaxKeyLength = 64;
    private const string Digits = "0123456789";

    // A new OTP keeps the failure count (a fresh code must not reset it) unless a freeze has ended.
    private const string GenerateOnConflict = """
        ON CONFLICT (key_hash) DO UPDATE SET
            otp_hash = EXCLUDED.otp_hash,
            expires_at_ms = EXCLUDED.expires_at_ms,
            attempts = CASE WHEN kernel_otp.frozen_until_ms IS NULL THEN kernel_otp.attempts ELSE 0 END,
            frozen_until_ms = NULL
        WHERE kernel_otp.frozen_until_ms IS NULL OR kernel_otp.frozen_until_ms <= @now
        """;

    // Every SET expression sees the row as it was. A right, unexpired OTP ({offered}) is consumed and the count
    // reset; anything else counts one attempt (a key whose freeze has ended starts again from one) and freezes
    // the key at the threshold. The comparison of the two digests in SQL leaks nothing through its timing: both
    // are HMACs under a key the caller does not know, so how far they agree says nothing about other guesses
    // (the "double HMAC" comparison).
    private const string ValidateSet = """
        otp_hash = CASE WHEN otp_hash = {offered} AND expires_at_ms > @now THEN NULL ELSE otp_hash END,
        attempts = CASE WHEN otp_hash = {offered} AND expires_at_ms > @now THEN 0
            WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END,
        frozen_until_ms = CASE WHEN otp_hash = {offered} AND expires_at_ms > @now THEN NULL
            WHEN (CASE WHEN frozen_until_ms IS NULL THEN attempts + 1 ELSE 1 END) >= @threshold THEN @freeze
            ELSE NULL END
        """;

    private const string ValidateWhere =
        "otp_hash IS NOT NULL AND ((frozen_until_ms IS NULL AND attempts < @threshold) OR frozen_until_ms <= @now)";

    private static readonly KernelStatement Generate = new($"""
        INSERT INTO kernel_otp (key_hash, otp_hash, expires_at_ms, attempts, frozen_until_ms)
        VALUES (@k, @h, @exp, 0, NULL)
        {GenerateOnConflict}
        RETURNING attempts
        """, "@k", "@h", "@exp", "@now");

    private static readonly KernelStatement Validate = new($"""
        UPDATE kernel_otp SET {ValidateSet.Replace("{offered}", "@h", StringComparison.Ordinal)}
        WHERE key_hash = @k AND {ValidateWhere}
        RETURNING otp_hash IS NULL, expires_at_ms, attempts
        """, "@h", "@now", "@threshold", "@freeze", "@k");

    // PostgreSQL: many calls in one statement (KeyedBatcher), one row each, distinct keys; the rows changed
    // say by their key whose call they answer. Same expressions as above.
    private static readonly KernelStatement GenerateMany = new($"""
        INSERT INTO kernel_otp (key_hash, otp_hash, expires_at_ms, attempts, frozen_until_ms)
        SELECT k, h, @exp, 0, NULL FROM unnest(@k::bytea[], @h::bytea[]) AS v(k, h)
        {GenerateOnConflict}
        RETURNING key_hash
        """, "@k", "@h", "@exp", "@now");

    private static readonly KernelStatement ValidateMany = new($"""
        UPDATE kernel_otp SET {ValidateSet.Replace("{offered}", "v.offered", StringComparison.Ordinal)}
        FROM unnest(@k::bytea[], @h::bytea[]) AS v(key, offered)
        WHERE key_hash = v.key AND {ValidateWhere}
        RETURNING key_hash, otp_hash IS NULL, expires_at_ms, attempts
        """, "@k", "@h", "@now", "@threshold", "@freeze");

    private static readonly KernelStatement State = new("SELECT frozen_until_ms FROM kernel_otp WHERE key_hash = @k", "@k");

    // PostgreSQL: statements in flight at once for each of generation and validation. One: a batch forms while
    // the previous one runs, so under load fewer in flight means fuller batches and fewer commits (validation:
    // two in flight gave 10 calls per commit and ~57 µs of server CPU per call, one 15 and ~34 µs; bench/README.md).
    private const int PostgresBatches = 1;

    private readonly KernelStore _store;
    private readonly OtpHasher _hasher;
    private readonly IOptions<KernelOptions> _options;
    private readonly TimeProvider _clock;
    private readonly KeyedBatcher<Offer, bool>? _generations;
    private readonly KeyedBatcher<Offer, Outcome?>? _validations;

    public OtpService(KernelStore store, OtpHasher hasher, IOptions<KernelOptions> options, TimeProvider clock)
    {
        _store = store;
        _hasher = hasher;
        _options = options;
        _clock = clock;
        // SQLite's store already runs everything on one writer, a statement in microseconds; PostgreSQL pays per
        // statement, so there calls are gathered into one statement over many rows.
        if (store.Provider == DatabaseProvider.PostgreSql)
        {
            _generations = new(offer => offer.KeyHash, GenerateManyAsync, PostgresBatches);
            _validations = new(offer => offer.KeyHash, ValidateManyAsync, PostgresBatches);
        }
    }

    private OtpSettings Settings => _options.Value.Otp;

    public static bool IsValidKey(string? key) => key is { Length: >= MinKeyLength and <= MaxKeyLength };

    public async Task<OtpGeneration> GenerateAsync(string key, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        var settings = Settings;
        var otp = RandomNumberGenerator.GetString(Digits, settings.Length);
        var keyHash = new byte[OtpHasher.HashBytes];
        var otpHash = new byte[OtpHasher.HashBytes];
        _hasher.HashKey(key, keyHash);
        _hasher.HashOtp(keyHash, otp, otpHash);

        bool stored;
        if (_generations is not null)
        {
            stored = await _generations.RunAsync(new Offer(keyHash, otpHash), cancellationToken);
        }
        else
        {
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            stored = (await _store.QueryAsync(
                Generate, [keyHash, otpHash, now + (settings.ExpirySeconds * 1000L), now], _ => true, cancellationToken)).Count > 0;
        }

        return stored
            ? new OtpGeneration(OtpGenerationStatus.Generated, otp)
            : new OtpGeneration(OtpGenerationStatus.Blocked, null);
    }

    public async Task<OtpValidationResult> ValidateAsync(string key, string otp, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(otp);
        var settings = Settings;
        var keyHash = new byte[OtpHasher.HashBytes];
        var offered = new byte[OtpHasher.HashBytes];
        _hasher.HashKey(key, keyHash);
        _hasher.HashOtp(keyHash, otp, offered);

        Outcome? outcome;
        long now;
        if (_validations is not null)
        {
            outcome = await _validations.RunAsync(new Offer(keyHash, offered), cancellationToken);
            now = outcome?.Now ?? _clock.GetUtcNow().ToUnixTimeMilliseconds();
        }
        else
        {
            now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            outcome = await _store.QuerySingleAsync(
                Validate,
                [offered, now, settings.AttemptThreshold, now + (settings.FreezeSeconds * 1000L), keyHash],
                reader => new Outcome(reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt32(2), now),
                null,
                cancellationToken);
        }

        if (outcome is null)
        {
            return await ExplainRefusalAsync(keyHash, now, cancellationToken);
        }

        if (outcome.Consumed)
        {
            return OtpValidationResult.Valid;
        }

        if (outcome.ExpiresAtMs <= outcome.Now)
        {
            return OtpValidationResult.Expired;
        }

        return outcome.Attempts >= settings.AttemptThreshold ? OtpValidationResult.Blocked : OtpValidationResult.Invalid;
    }

    private async Task<OtpValidationResult> ExplainRefusalAsync(byte[] keyHash, long now, CancellationToken cancellationToken)
    {
        var rows = await _store.QueryAsync(State, [keyHash], reader => reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0), cancellationToken);
        return rows is [{ } frozenUntil] && frozenUntil > now ? OtpValidationResult.Blocked : OtpValidationResult.NotFound;
    }

    private static void EnsureKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"An OTP key has {MinKeyLength}–{MaxKeyLength} characters.", nameof(key));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_generations is not null)
        {
            await _generations.DisposeAsync();
        }

        if (_validations is not null)
        {
            await _validations.DisposeAsync();
        }
    }

    private async Task<bool[]> GenerateManyAsync(IReadOnlyList<Offer> offers)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = await _store.QueryAsync(
            GenerateMany,
            [offers.Select(o => o.KeyHash).ToArray(), offers.Select(o => o.OtpHash).ToArray(), now + (Settings.ExpirySeconds * 1000L), now],
            reader => reader.GetFieldValue<byte[]>(0),
            CancellationToken.None);
        var keys = stored.ToHashSet(KeyComparer.Instance);
        return [.. offers.Select(o => keys.Contains(o.KeyHash))];
    }

    private async Task<Outcome?[]> ValidateManyAsync(IReadOnlyList<Offer> offers)
    {
        var settings = Settings;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await _store.QueryAsync(
            ValidateMany,
            [offers.Select(o => o.KeyHash).ToArray(), offers.Select(o => o.OtpHash).ToArray(), now,
                settings.AttemptThreshold, now + (settings.FreezeSeconds * 1000L)],
            reader => (Key: reader.GetFieldValue<byte[]>(0), Outcome: new Outcome(reader.GetBoolean(1), reader.GetInt64(2), reader.GetInt32(3), now)),
            CancellationToken.None);
        var outcomes = rows.ToDictionary(row => row.Key, row => row.Outcome, KeyComparer.Instance);
        return [.. offers.Select(o => outcomes.GetValueOrDefault(o.KeyHash))];
    }

    /// <summary>One call's row: the key's hash and the offered (or new) OTP's hash.</summary>
    private sealed record Offer(byte[] KeyHash, byte[] OtpHash);

    /// <summary>What a validation changed, and the time it was judged at.</summary>
    private sealed record Outcome(bool Consumed, long ExpiresAtMs, int Attempts, long Now);
}
