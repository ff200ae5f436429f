using Civitas.Audit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Audit.Chain;

/// <summary>
/// Walks the log in sequence order, recomputing each hash from the entry's fields and the previous stored hash.
/// The first entry whose number is not the next one (an entry deleted or moved) or whose hash differs (its content
/// or its predecessor edited) is reported; finally the chain head must name the last entry (no entries cut off the end).
/// </summary>
internal sealed class AuditChainVerifier(IDbContextFactory<AuditDbContext> contexts) : IAuditChainVerifier
{
    public async Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await context.ChainHead.AsNoTracking().SingleAsync(h => h.Id == AuditChainHeadEntity.SingletonId, cancellationToken);

        var previousHash = AuditHashing.Genesis;
        long expected = 1;
        long checkedCount = 0;
        await foreach (var entry in context.Entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return AuditVerificationResult.Broken(checkedCount, entry.Sequence,
                    $"entry {entry.Sequence} follows entry {expected - 1}: entry {expected} is missing or entries were renumbered");
            }

            var hash = AuditHashing.Compute(previousHash, entry);
            if (!hash.AsSpan().SequenceEqual(entry.Hash))
            {
                return AuditVerificationResult.Broken(checkedCount, entry.Sequence,
                    $"entry {entry.Sequence} does not match its hash: its content was changed, or it was moved or replaced");
            }

            previousHash = entry.Hash;
            checkedCount++;
            expected++;
        }

        var last = expected - 1;
        if (head.LastSequence > last)
        {
            return AuditVerificationResult.Broken(checkedCount, last + 1,
                $"the chain head names entry {head.LastSequence} but the log ends at entry {last}: entries were removed from the end");
        }

        if (head.LastSequence < last || !head.LastHash.AsSpan().SequenceEqual(previousHash))
        {
            return AuditVerificationResult.Broken(checkedCount, head.LastSequence < last ? head.LastSequence + 1 : last,
                $"the chain head names entry {head.LastSequence} but the log ends at entry {last}: entries were added or rewritten outside the audit writer");
        }

        return AuditVerificationResult.Intact(checkedCount);
    }
}
