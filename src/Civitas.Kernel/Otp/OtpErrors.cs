using Civitas.Common.Errors;

namespace Civitas.Kernel.Otp;

/// <summary>The OTP manager's error catalogue: codes and messages exactly as the kernel seed lists them.</summary>
internal static class OtpErrors
{
    public const string Prefix = "KER-OTV";

    public static readonly ServiceError IllegalGenerateKey = new("KER-OTG-001", "Key length should be in the range of 3-64.");
    public static readonly ServiceError CryptoFailure = new("KER-OTG-002", "Crypto failure");
    public static readonly ServiceError InvalidKeyOrAlgorithm = new("KER-OTG-003", "Invalid key or algorithm found");
    public static readonly ServiceError IoFailure = new("KER-OTG-004", "IO exception found");
    public static readonly ServiceError KeyMissing = new("KER-OTV-001", "Key can't be empty or null.");
    public static readonly ServiceError IllegalValidateKey = new("KER-OTV-002", "Length of key should be in the range of 3-64.");
    public static readonly ServiceError OtpMissing = new("KER-OTV-003", "OTP can't be empty or null.");
    public static readonly ServiceError OtpNotNumeric = new("KER-OTV-004", "OTP consists of only numeric characters. No other characters is allowed.");
    public static readonly ServiceError KeyNotFound = new("KER-OTV-005", "Validation can't be performed against this key. Generate OTP first.");
    public static readonly ServiceError Internal = new("KER-OTV-500", "Internal server error");
    public static readonly ServiceError NotReadable = new("KER-OTV-999", "HTTP Message Not Readable Exception");
}
