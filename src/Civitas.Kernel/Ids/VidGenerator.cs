using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// VIDs are generated on demand and recorded, with their type and expiry from the type's policy. The primary
/// key makes a collision (rare at 10^15 candidates) fail the insert, and the generator then draws again.
/// </summary>
internal sealed class VidGenerator(KernelStore store, IOptions<KernelOptions> options, TimeProvider clock) : IVidGenerator
{
    private static readonly KernelStatement Insert = new("""
        INSERT INTO kernel_vid (vid, vid_type, created_at_ms, expires_at_ms) VALUES (@vid, @type, @now, @expires)
        ON CONFLICT (vid) DO NOTHING
        """, "@vid", "@type", "@now", "@expires");

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
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var vid = _generator.Next();
            if (await store.ExecuteAsync(Insert, [vid, type, now.ToUnixTimeMilliseconds(), expires?.ToUnixTimeMilliseconds()], cancellationToken) == 1)
            {
                return new GeneratedVid(vid, type, expires);
            }
        }

        throw new InvalidOperationException("No unused VID found in five draws.");
    }
}
