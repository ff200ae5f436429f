namespace Civitas.Authentication.Errors;

/// <summary>
/// The IDA error catalogue (codes and messages as MOSIP's ID authentication answers them). Where MOSIP's text and
/// REFERENCE.md differ, REFERENCE wins (IDA-OTA-013 for an OTP frozen after 5 wrong attempts).
/// </summary>
public static class IdaErrors
{
    // OTP
    public static readonly IdaError OtpFlooding = new("IDA-OTA-001", "Innumerous OTP requests received");
    public static readonly IdaError OtpNotSent = new("IDA-OTA-002", "Could not generate/send OTP");
    public static readonly IdaError OtpExpired = new("IDA-OTA-003", "OTP has expired");
    public static readonly IdaError OtpInvalid = new("IDA-OTA-004", "OTP is invalid");
    public static readonly IdaError OtpTransactionMismatch = new("IDA-OTA-005", "Input transactionID does not match transactionID of OTP Request");
    public static readonly IdaError OtpChannelMissing = new("IDA-OTA-008", "OTP Notification Channel not provided");
    public static readonly IdaError OtpPartnerMismatch = new("IDA-OTA-011", "Input Partner-ID does not match Partner-ID of OTP Request");
    public static readonly IdaError OtpNotGenerated = new("IDA-OTA-012", "OTP validation can't be performed against this Individual-ID. Generate OTP first");
    public static readonly IdaError OtpFrozen = new("IDA-OTA-013", "OTP is frozen after too many invalid attempts. Please try again later");

    // General
    public static readonly IdaError RequestTimeOutOfWindow = new("IDA-MLC-001", "Request to be received at MOSIP within %s seconds");
    public static readonly IdaError UinDeactivated = new("IDA-MLC-003", "UIN has been deactivated");
    public static readonly IdaError MissingInput = new("IDA-MLC-006", "Missing Input Parameter - %s");
    public static readonly IdaError Unexpected = new("IDA-MLC-007", "Request could not be processed. Please try again");
    public static readonly IdaError NoAuthType = new("IDA-MLC-008", "No authentication type selected");
    public static readonly IdaError InvalidInput = new("IDA-MLC-009", "Invalid Input Parameter - %s");
    public static readonly IdaError VidOfDeactivatedUin = new("IDA-MLC-010", "VID corresponding to a deactivated UIN");
    public static readonly IdaError ConsentNotAvailable = new("IDA-MLC-012", "Individual's Consent is not available");
    public static readonly IdaError MissingAuthAttribute = new("IDA-MLC-013", "Missing %s auth attribute");
    public static readonly IdaError ChannelNotRegistered = new("IDA-MLC-014", "%s not registered. Individual has to register and try again");

    /// <summary>MOSIP's "transaction ID parameters do not match", used here for a transaction id already accepted (a replay).</summary>
    public static readonly IdaError TransactionReplayed = new("IDA-MLC-016", "Transaction ID parameters in the request does not match - transactionID already used");
    public static readonly IdaError IdentityNotFound = new("IDA-MLC-018", "UIN/VID not available in database");
    public static readonly IdaError AuthTypeLocked = new("IDA-MLC-019", "%s Auth Type is Locked for the UIN");
    public static readonly IdaError IdentityBlocked = new("IDA-MLC-022", "UIN is deactivated/blocked");

    // Demographic
    public static readonly IdaError DemoMismatch = new("IDA-DEA-001", "Demographic data %s did not match");
    public static readonly IdaError DemoLanguage = new("IDA-DEA-002", "Unsupported Language Code - %s");
    public static readonly IdaError DemoNotInDatabase = new("IDA-DEA-003", "Demographic data %s not available in database");

    // Biometric
    public static readonly IdaError BioMismatch = new("IDA-BIA-001", "Biometric data %s did not match");
    public static readonly IdaError BioDuplicateFingers = new("IDA-BIA-002", "Duplicate fingers in request");
    public static readonly IdaError BioTooManyFingers = new("IDA-BIA-003", "Number of Fingers should not exceed %s");
    public static readonly IdaError BioNotInDatabase = new("IDA-BIA-006", "Biometric data %s not available in database");
    public static readonly IdaError BioDuplicateIrises = new("IDA-BIA-007", "Duplicate Irises in request");
    public static readonly IdaError BioTooManyIrises = new("IDA-BIA-008", "Number of Iris should not exceed 2");
    public static readonly IdaError BioTooManyFaces = new("IDA-BIA-009", "Number of FACE records should not exceed 1");
    public static readonly IdaError BioInvalid = new("IDA-BIA-011", "Invalid biometric data");
    public static readonly IdaError BioTechnicalIssue = new("IDA-BIA-017", "Unable to Perform Biometric Match due to a Technical Issue");

    // eKYC and static PIN
    public static readonly IdaError KycEncryptionFailed = new("IDA-EKA-001", "Unable to encrypt eKYC response");
    public static readonly IdaError PinMismatch = new("IDA-SPA-001", "Pin value did not match");

    // Partner and crypto
    public static readonly IdaError SignatureInvalid = new("IDA-MPA-001", "Digital signature verification failed for %s");
    public static readonly IdaError CertificateInvalid = new("IDA-MPA-002", "Invalid certificate in digital signature");
    public static readonly IdaError DecryptionFailed = new("IDA-MPA-003", "Unable to decrypt Request");
    public static readonly IdaError OtpRequestNotAllowed = new("IDA-MPA-005", "OTP Request Usage not allowed as per policy");
    public static readonly IdaError AuthTypeNotAllowed = new("IDA-MPA-006", "%s Authentication usage not allowed as per policy");
    public static readonly IdaError PartnerNotRegistered = new("IDA-MPA-009", "Partner is not registered");
    public static readonly IdaError PartnerNotEkyc = new("IDA-MPA-013", "Partner is unauthorised for eKYC");
    public static readonly IdaError AuthTypeMandatory = new("IDA-MPA-015", "%s-authentiation usage is mandatory as per policy");
    public static readonly IdaError HmacInvalid = new("IDA-MPA-016", "HMAC Validation failed");
    public static readonly IdaError CertificateMismatch = new("IDA-MPA-021", "Partner (Auth) Certificate not matching with signature header certificate.");
    public static readonly IdaError CertificateMissing = new("IDA-MPA-022", "Partner (Auth) Certificate not found in Request signature header.");
}
