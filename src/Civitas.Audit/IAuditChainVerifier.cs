namespace Civitas.Audit;

/// <summary>Re-computes the audit hash chain from the stored entries and reports the first entry where it breaks.</summary>
public interface IAuditChainVerifier
{
    Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The outcome of a verification: <see cref="IsIntact"/>, how many entries were checked, and for a broken chain the
/// sequence number of the first bad entry and why (edited content, a missing entry, entries out of order).
/// </summary>
public sealed record AuditVerificationResult(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    internal static AuditVerificationResult Intact(long count) => new(true, count, null, null);

    internal static AuditVerificationResult Broken(long count, long sequence, string problem) => new(false, count, sequence, problem);
}
