namespace Civitas.Kernel.Otp;

/// <summary>
/// One-time passwords by key (a phone number, an e-mail, a transaction id): single use, stored only as keyed
/// hashes, with expiry, an attempt threshold and a freeze that hold across restarts and hosts.
/// Keys are 3–64 characters; anything else throws <see cref="ArgumentException"/>.
/// </summary>
public interface IOtpService
{
    /// <summary>A new OTP for <paramref name="key"/>, replacing any earlier one; none while the key is frozen.</summary>
    Task<OtpGeneration> GenerateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Checks <paramref name="otp"/>; a correct OTP is consumed, every check counts toward the threshold.</summary>
    Task<OtpValidationResult> ValidateAsync(string key, string otp, CancellationToken cancellationToken = default);
}

public enum OtpGenerationStatus
{
    Generated,
    Blocked,
}

/// <summary>The outcome of a generation; <see cref="Otp"/> is null when blocked. Send it, never log it.</summary>
public sealed record OtpGeneration(OtpGenerationStatus Status, string? Otp);

public enum OtpValidationResult
{
    Valid,
    Invalid,
    Expired,
    Blocked,

    /// <summary>No OTP is pending for the key (never generated, or already used).</summary>
    NotFound,
}
