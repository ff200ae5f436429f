namespace Civitas.Audit.Writing;

/// <summary>
/// A queued entry: an event, a flush marker (no event), or either with <see cref="Done"/> for a caller that waits
/// until it is committed.
/// </summary>
internal readonly record struct AuditWorkItem(AuditEvent? Event, TaskCompletionSource? Done);
