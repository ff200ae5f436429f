namespace Civitas.Notifications.Persistence;

/// <summary>
/// One message in the outbox. <see cref="LeaseUntil"/> marks a message someone is sending right now (the request
/// that created it, or an outbox worker on any host); an expired lease means that attempt died and may be redone.
/// </summary>
internal sealed class OutboxMessageEntity
{
    public Guid Id { get; set; }

    /// <summary><c>sms</c> or <c>email</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Who it is for, masked (for operators reading the table; the payload holds the real address).</summary>
    public string RecipientHint { get; set; } = "";

    /// <summary>The message as JSON; emptied once delivered, so delivered OTPs do not linger in the database.</summary>
    public byte[] Payload { get; set; } = [];

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Why the last attempt failed: a short description without message content or credentials.</summary>
    public string? LastError { get; set; }
}

internal enum OutboxStatus
{
    Pending,
    Delivered,
    Failed,
}
