namespace Civitas.Audit.Persistence;

/// <summary>
/// The single row (id 1) naming the last appended entry. Writers lock it for the length of their transaction, so
/// several hosts on one PostgreSQL database append to one chain in turn; the verifier compares it with the last
/// entry to notice entries cut off the end.
/// </summary>
internal sealed class AuditChainHeadEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public byte[] LastHash { get; set; } = [];
}
