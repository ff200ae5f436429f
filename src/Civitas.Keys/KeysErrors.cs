namespace Civitas.Keys;

/// <summary>Error codes and messages as MOSIP's key manager, crypto manager and signature service return them.</summary>
public static class KeysErrors
{
    public static readonly KeysError CertificateNotValid = new("KER-KMS-001", "Certificate is not valid");
    public static readonly KeysError ApplicationIdNotValid = new("KER-KMS-002", "ApplicationId not found in Key Policy. Key/CSR generation not allowed.");
    public static readonly KeysError NoUniqueAlias = new("KER-KMS-003", "No unique alias is found");
    public static readonly KeysError InvalidRequest = new("KER-KMS-005", "Invalid request");
    public static readonly KeysError InvalidObjectType = new("KER-KMS-009", "Invalid Response Object Type.");
    public static readonly KeysError KeyGenerationNotDone = new("KER-KMS-012", "Key Generation Process is not completed.");
    public static readonly KeysError CertificateParsingError = new("KER-KMS-013", "Certificate Parsing Error.");
    public static readonly KeysError KeyNotMatching = new("KER-KMS-014", "Certificate Key Not Matching with stored Key.");
    public static readonly KeysError UploadNotAllowed = new("KER-KMS-015", "Upload of certificate will not be allowed to update other domain certificate.");
    public static readonly KeysError GenerationNotAllowed = new("KER-KMS-016", "Not allowed to generate new key pair for other domains or not allowed to generate base key.");
    public static readonly KeysError CertificateNotFound = new("KER-KMS-017", "Certificate Not found in keystore table.");
    public static readonly KeysError DecryptionNotAllowed = new("KER-KMS-018", "Not Allowed to perform decryption with other domain key.");
    public static readonly KeysError SymmetricKeyDecryptionFailed = new("KER-KMS-019", "Not able to decrypt Symmetric Key using the Private Key.");
    public static readonly KeysError SigningNotAllowed = new("KER-KMS-020", "Signing operation not allowed for the provided application id & reference id.");
    public static readonly KeysError RevokeNotAllowed = new("KER-KMS-021", "Key Revocation not allowed.");
    public static readonly KeysError AppIdReferenceIdNotMatching = new("KER-KMS-024", "Application Id & Reference Id not matching with the input thumbprint.");
    public static readonly KeysError KeyNotFoundByThumbprint = new("KER-KMS-025", "Key Not found for the thumbprint prepended in encrypted data.");
    public static readonly KeysError MissingParameter = new("KER-KMS-028", "Missing Input Parameter - ");
    public static readonly KeysError CertificateAlreadyExists = new("KER-KMS-035", "Certificate Already Exist, not allowed to upload same certificate again");

    public static readonly KeysError CryptoInvalidData = new("KER-CRY-003", "Invalid data");
    public static readonly KeysError CryptoInvalidRequest = new("KER-CRY-004", "Invalid request");
    public static readonly KeysError CryptoDateTimeParse = new("KER-CRY-007", "timestamp should be in ISO 8601 format yyyy-MM-ddTHH::mm:ss.SZ");
    public static readonly KeysError CryptoInvalidKeySplitter = new("KER-CRY-003", "invalid data without key breaker");

    public static readonly KeysError SignatureNotValid = new("KER-CSS-101", "Validation Unsuccessful");
    public static readonly KeysError SignatureInvalidInput = new("KER-CSS-999", "Invalid request input");
    public static readonly KeysError JwsInvalidInput = new("KER-JWS-102", "Data to sign is not valid.");
    public static readonly KeysError JwsInvalidJson = new("KER-JWS-103", "Data to sign is not valid JSON.");
    public static readonly KeysError JwsInvalidVerifyInput = new("KER-JWS-106", "Signature data to verify not valid.");
    public static readonly KeysError JwsCertificateNotValid = new("KER-JWS-107", "Signature verification certificate not valid.");

    public static readonly KeysError PartnerInvalidCertificate = new("KER-PCM-001", "Invalid Certificate uploaded.");
    public static readonly KeysError PartnerCertificateExists = new("KER-PCM-003", "Certificate already exists in store.");
    public static readonly KeysError PartnerCertificateDatesNotValid = new("KER-PCM-004", "Certificate Dates are not valid.");
    public static readonly KeysError PartnerRootCaNotFound = new("KER-PCM-006", "Root CA/Intermediate CA Certificates not found.");
    public static readonly KeysError PartnerInvalidDomain = new("KER-PCM-011", "Invalid Partner Domain.");
    public static readonly KeysError PartnerCertificateNotFound = new("KER-PCM-012", "Partner Certificate not found for the given ID.");
    public static readonly KeysError PartnerSelfSignedNotAllowed = new("KER-PCM-015", "Self Signed Certificate not allowed as partner.");
}
