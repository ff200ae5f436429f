namespace Civitas.Audit;

/// <summary>
/// Writes audit events from inside the process. Writes are queued and appended to the hash chain in batches by a
/// background writer, so callers on hot paths pay for a queue insert, not a database round trip. Events queued
/// before a clean shutdown are all stored.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Queues an event. Completes at once unless the queue is full (then it waits for room: back-pressure, never loss).
    /// </summary>
    /// <exception cref="InvalidOperationException">The log has shut down.</exception>
    ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Queues an event and completes once it is committed to the database (what the HTTP route uses).</summary>
    Task WriteDurablyAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Completes once every event queued before the call is committed.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
