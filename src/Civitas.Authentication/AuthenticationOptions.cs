namespace Civitas.Authentication;

/// <summary>Settings of ID authentication, section <c>Civitas:Authentication</c>. Defaults follow MOSIP's (REFERENCE.md §5, §7).</summary>
public sealed class AuthenticationOptions
{
    public const string SectionName = "Civitas:Authentication";

    /// <summary>How far <c>requestTime</c> may be from server time, in seconds (MOSIP: 30).</summary>
    public int RequestTimeWindowSeconds { get; set; } = 30;

    /// <summary>Allowance for clock skew added to the window, in seconds (MOSIP: 30).</summary>
    public int RequestTimeAdjustmentSeconds { get; set; } = 30;

    /// <summary>OTP requests allowed per individual per minute before IDA-OTA-001.</summary>
    public int OtpRequestsPerMinute { get; set; } = 100;

    /// <summary>Wrong OTPs (in a row, across codes) before the individual's OTP authentication is frozen.</summary>
    public int OtpFailureLimit { get; set; } = 5;

    public int OtpFreezeSeconds { get; set; } = 1800;

    /// <summary>
    /// How long an OTP request's row is kept, in hours (at least one). The rows say under which partner and
    /// transaction id an OTP may be validated and feed the flooding count; older ones are swept, so the table holds
    /// about a day of requests instead of growing for ever.
    /// </summary>
    public int OtpRequestRetentionHours { get; set; } = 24;

    /// <summary>Language codes (ISO 639-3) demographic values may come in; others answer IDA-DEA-002.</summary>
    public string[] SupportedLanguages { get; set; } = ["eng", "fra", "ara", "spa", "por", "hin", "kan", "tam", "swa", "wol"];

    /// <summary>Largest page of the transactions route.</summary>
    public int MaxTransactionsPageSize { get; set; } = 100;

    /// <summary>How long a sent OTP is valid (the kernel's <c>Civitas:Kernel:Otp:ExpirySeconds</c>; shown in the message).</summary>
    internal int OtpValiditySeconds { get; set; } = 180;

    internal TimeSpan OtpRequestRetention => TimeSpan.FromHours(Math.Max(1, OtpRequestRetentionHours));

    internal TimeSpan RequestTimeTolerance => TimeSpan.FromSeconds(RequestTimeWindowSeconds + RequestTimeAdjustmentSeconds);

    /// <summary>How long an accepted transaction id is remembered: long enough that its request time has left the window.</summary>
    internal TimeSpan ReplayMemory => (2 * RequestTimeTolerance) + TimeSpan.FromMinutes(1);
}
