using System.Security.Cryptography;
using System.Text;
using Civitas.Keys.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Authentication.Persistence;

/// <summary>
/// HMAC-SHA256 with this module's own secret, so tables and OTP keys never hold a UIN, VID or OTP key in clear.
/// The secret is random, created once, stored only wrapped by the key manager (<c>IDA</c>/<c>HASH_KEY</c>) so every
/// host sharing the database uses the same one, and unwrapped once per process.
/// </summary>
internal sealed class KeyedHashes(IDbContextFactory<AuthenticationDbContext> databases, ICryptoService crypto, TimeProvider clock)
{
    private const string ReferenceId = "HASH_KEY";
    private const string Purpose = "hash";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    /// <summary>The hash under which an individual (by UIN, or by the id as sent when unknown) is recorded.</summary>
    public async ValueTask<byte[]> IndividualAsync(string individualId, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.UTF8.GetBytes("individual|" + individualId));

    /// <summary>The key of an individual's wrong static PIN count (kept apart from the OTP count under the individual hash).</summary>
    public async ValueTask<byte[]> PinFailuresAsync(string uin, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.UTF8.GetBytes("pin|" + uin));

    /// <summary>The kernel OTP key of one OTP request: 43 characters, unlinkable to the individual without the secret.</summary>
    public async ValueTask<string> OtpKeyAsync(string uin, string partnerId, string transactionId, CancellationToken cancellationToken) =>
        Convert.ToBase64String(HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.UTF8.GetBytes($"otp|{uin}|{partnerId}|{transactionId}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } loaded)
        {
            return loaded;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            _key ??= await LoadOrCreateAsync(cancellationToken);
            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var row = await db.Secrets.AsNoTracking().SingleOrDefaultAsync(r => r.Purpose == Purpose, cancellationToken);
            if (row is not null)
            {
                return crypto.Decrypt(Partners.IdaKeys.ApplicationId, ReferenceId, row.Wrapped);
            }
            var key = RandomNumberGenerator.GetBytes(32);
            db.Secrets.Add(new SecretRow { Purpose = Purpose, Wrapped = crypto.Encrypt(Partners.IdaKeys.ApplicationId, ReferenceId, key), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return key;
            }
            catch (DbUpdateException)
            {
                // Another host created it at the same moment: use theirs.
            }
        }
        throw new InvalidOperationException("The authentication hash key could not be created or read.");
    }
}
