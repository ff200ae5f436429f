using System.Security.Cryptography;
using Civitas.Keys.Encryption;
using Civitas.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Registry.Protection;

/// <summary>
/// The registry's two secrets: the data key that seals identity documents and the lookup key for keyed hashes
/// of UINs and VIDs. Each is random, created once, and stored in the database only wrapped by the key manager
/// (application <c>ID_REPO</c>, MOSIP's identity repository), so every host sharing the database and the key
/// store uses the same secrets, and a copy of the database alone reveals nothing. Unwrapped once per process.
/// </summary>
internal sealed class RegistryKeyRing(IDbContextFactory<RegistryDbContext> databases, ICryptoService crypto, TimeProvider clock)
{
    public const string ApplicationId = "ID_REPO";
    private const string ReferenceId = "DATA_KEY";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private RegistryKeys? _keys;

    public async ValueTask<RegistryKeys> GetAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            _keys ??= new RegistryKeys(
                await LoadOrCreateAsync("data", cancellationToken),
                await LoadOrCreateAsync("lookup", cancellationToken));
            return _keys;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(string purpose, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var row = await db.DataKeys.AsNoTracking().SingleOrDefaultAsync(r => r.Purpose == purpose, cancellationToken);
            if (row is not null)
            {
                return crypto.Decrypt(ApplicationId, ReferenceId, row.Wrapped);
            }

            var key = RandomNumberGenerator.GetBytes(32);
            db.DataKeys.Add(new DataKeyRow
            {
                Purpose = purpose,
                Wrapped = crypto.Encrypt(ApplicationId, ReferenceId, key),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
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

        throw new InvalidOperationException($"The registry {purpose} key could not be created or read.");
    }
}

/// <summary>The unwrapped registry secrets; kept in memory only.</summary>
internal sealed record RegistryKeys(byte[] DataKey, byte[] LookupKey);
