using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// VIDs are generated on demand and recorded, with their type and expiry from the type's policy. The primary
/// key makes a collision (rare at 10^15 candidates) fail the insert, and the generator then draws again.
/// </summary>
internal sealed class VidGenerator(IDbContextFactory<KernelDbContext> databases, IOptions<KernelOptions> options, WriteGate gate, TimeProvider clock) : IVidGenerator
{
    private const string InsertSql = """
        INSERT INTO kernel_vid (vid, vid_type, created_at_ms, expires_at_ms) VALUES (@vid, @type, @now, @expires)
        ON CONFLICT (vid) DO NOTHING
        """;

    private readonly IdGenerator _generator = new(new IdFilter(options.Value.Vid));

    public async Task<GeneratedVid?> GenerateAsync(string? vidType, CancellationToken cancellationToken = default)
    {
        var settings = options.Value.Vid;
        var type = string.IsNullOrWhiteSpace(vidType) ? settings.DefaultType : vidType.Trim();
        if (!settings.Types.TryGetValue(type, out var lifetimeSeconds))
        {
            return null;
        }

        type = type.ToUpperInvariant();
        var now = clock.GetUtcNow();
        DateTimeOffset? expires = lifetimeSeconds > 0 ? now.AddSeconds(lifetimeSeconds) : null;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var vid = _generator.Next();
            await using var command = (await KernelSql.CommandAsync(db, InsertSql, cancellationToken))
                .With("@vid", vid).With("@type", type).With("@now", now.ToUnixTimeMilliseconds())
                .With("@expires", expires?.ToUnixTimeMilliseconds());
            using var entered = await gate.EnterAsync(cancellationToken);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new GeneratedVid(vid, type, expires);
            }
        }

        throw new InvalidOperationException("No unused VID found in five draws.");
    }
}
