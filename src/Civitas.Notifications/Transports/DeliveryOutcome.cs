namespace Civitas.Notifications.Transports;

/// <summary>What one delivery attempt achieved: delivered, failed for now (retry), or failed for good.</summary>
internal readonly record struct DeliveryOutcome(bool IsDelivered, bool IsPermanent, NotificationFailure Failure, string? Error)
{
    public static DeliveryOutcome Delivered => new(true, false, NotificationFailure.None, null);

    /// <summary>A passing failure (server down, timeout, 4xx/5xx that invite a retry): the outbox tries again later.</summary>
    public static DeliveryOutcome Transient(string error) => new(false, false, NotificationFailure.None, error);

    public static DeliveryOutcome Permanent(NotificationFailure failure, string error) => new(false, true, failure, error);
}
