namespace Civitas.Authentication.Persistence;

/// <summary>
/// One authentication attempt (MOSIP's auth transaction). Holds what happened, never the factor values: no OTP,
/// PIN, demographic or biometric data, and the individual only as a keyed hash.
/// </summary>
internal sealed class AuthTransactionRow
{
    public Guid Id { get; set; }

    /// <summary>Keyed hash of the UIN/VID as sent, so the transactions route finds attempts without storing the id.</summary>
    public byte[] IndividualHash { get; set; } = [];

    public string IndividualIdType { get; set; } = "";

    /// <summary>The authToken handed out (empty when the attempt failed before an identity was known).</summary>
    public string? AuthToken { get; set; }

    public string PartnerId { get; set; } = "";

    public string TransactionId { get; set; } = "";

    /// <summary><c>auth</c>, <c>kyc</c>, <c>otp</c> (the route) with <c>-internal</c> or <c>-v1.0</c> for the other shapes.</summary>
    public string RequestType { get; set; } = "";

    /// <summary>The auth types the request used, comma separated (<c>demo,otp</c>).</summary>
    public string AuthTypes { get; set; } = "";

    public bool Succeeded { get; set; }

    public string? ErrorCode { get; set; }

    public DateTime RequestTimeUtc { get; set; }

    public DateTime ResponseTimeUtc { get; set; }
}

/// <summary>A (partner, route, transaction id) already accepted; kept a little beyond the request-time window.</summary>
internal sealed class SeenTransactionRow
{
    public string Key { get; set; } = "";

    public DateTime ExpiresAtUtc { get; set; }
}

/// <summary>An OTP sent for an individual to a partner under a transaction id (no OTP, only who asked).</summary>
internal sealed class OtpRequestRow
{
    public Guid Id { get; set; }

    public byte[] IndividualHash { get; set; } = [];

    public string PartnerId { get; set; } = "";

    public string TransactionId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Wrong-OTP count and freeze per individual; a new OTP does not reset it, a right one does.</summary>
internal sealed class OtpFailureRow
{
    public byte[] IndividualHash { get; set; } = [];

    public int FailedCount { get; set; }

    public DateTime? FrozenUntilUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>The module's keyed-hash secret, wrapped by the key manager.</summary>
internal sealed class SecretRow
{
    public string Purpose { get; set; } = "";

    public byte[] Wrapped { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
}
