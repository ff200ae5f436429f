namespace Civitas.Audit.Writing;

/// <summary>Appends a batch of validated events to the chain in one transaction (all or nothing).</summary>
internal interface IAuditAppender
{
    Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken);
}
