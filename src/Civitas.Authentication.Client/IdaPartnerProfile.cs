using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Civitas.Authentication.Client;

/// <summary>
/// Everything a relying party needs to call ID authentication: where, as whom (MISP licence key, partner id,
/// API key), its own certificate with the private key (signs requests, opens eKYC data) and the IDA certificate
/// requests are encrypted to.
/// </summary>
public sealed record IdaPartnerProfile(
    string BaseUrl,
    string MispLicenseKey,
    string PartnerId,
    string ApiKey,
    X509Certificate2 PartnerCertificate,
    X509Certificate2 IdaCertificate)
{
    /// <summary>
    /// Reads the <c>partner.json</c> written by <c>civitas partner onboard</c> and the partner's private key (PEM,
    /// PKCS#1 or PKCS#8, unencrypted). Throws <see cref="IdaConfigurationException"/> naming the file and field at fault.
    /// </summary>
    public static IdaPartnerProfile Load(string partnerJsonPath, string partnerPrivateKeyPemPath)
    {
        var json = ReadFile(partnerJsonPath, "partner file");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new IdaConfigurationException($"{partnerJsonPath}: not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new IdaConfigurationException($"{partnerJsonPath}: expected a JSON object.");
        }

        var baseUrl = Field(root, partnerJsonPath, "baseUrl");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new IdaConfigurationException($"{partnerJsonPath}: baseUrl is not an absolute http(s) URL.");
        }

        var partnerCertificate = Certificate(Field(root, partnerJsonPath, "partnerCertificate"), partnerJsonPath, "partnerCertificate");
        var idaCertificate = Certificate(Field(root, partnerJsonPath, "idaCertificate"), partnerJsonPath, "idaCertificate");
        if (root.TryGetProperty("idaThumbprintHex", out var thumbprint) && thumbprint.ValueKind == JsonValueKind.String
            && !string.Equals(thumbprint.GetString(), Convert.ToHexString(IdaRequestCrypto.Thumbprint(idaCertificate)), StringComparison.OrdinalIgnoreCase))
        {
            throw new IdaConfigurationException($"{partnerJsonPath}: idaThumbprintHex is not the SHA-256 thumbprint of idaCertificate.");
        }

        var withKey = AttachPrivateKey(partnerCertificate, partnerPrivateKeyPemPath);
        partnerCertificate.Dispose();
        return new IdaPartnerProfile(
            baseUrl,
            Field(root, partnerJsonPath, "mispLicenseKey"),
            Field(root, partnerJsonPath, "partnerId"),
            Field(root, partnerJsonPath, "apiKey"),
            withKey,
            idaCertificate);
    }

    /// <summary>Leaves the API key out of <c>ToString()</c>, so a logged profile does not leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"BaseUrl = {BaseUrl}, MispLicenseKey = {MispLicenseKey}, PartnerId = {PartnerId}, ApiKey = ***, ");
        builder.Append($"PartnerCertificate = {PartnerCertificate.Subject}, IdaCertificate = {IdaCertificate.Subject}");
        return true;
    }

    /// <summary>The certificate with the private key read from <paramref name="pemPath"/>; the key must match it.</summary>
    public static X509Certificate2 AttachPrivateKey(X509Certificate2 certificate, string pemPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var pem = ReadFile(pemPath, "private key file");
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            var reason = pem.Contains("ENCRYPTED", StringComparison.Ordinal)
                ? "an encrypted private key; decrypt it first (openssl pkey -in key.pem -out plain.pem)"
                : "no RSA private key in PEM form (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)";
            throw new IdaConfigurationException($"{pemPath}: {reason}.", ex);
        }
        catch (CryptographicException ex)
        {
            throw new IdaConfigurationException($"{pemPath}: the RSA private key cannot be read.", ex);
        }

        try
        {
            return certificate.CopyWithPrivateKey(rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new IdaConfigurationException($"{pemPath}: this private key does not belong to the partner certificate ({certificate.Subject}).", ex);
        }
    }

    private static string ReadFile(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new IdaConfigurationException($"No {what} was given.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read";
            throw new IdaConfigurationException($"{path}: the {what} {reason}.", ex);
        }
    }

    private static string Field(JsonElement root, string path, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new IdaConfigurationException($"{path}: missing field '{name}'.");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new IdaConfigurationException($"{path}: field '{name}' must be a non-empty string.");
        }

        return value.GetString()!;
    }

    private static X509Certificate2 Certificate(string pem, string path, string name)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPem(pem);
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is null)
            {
                certificate.Dispose();
                throw new IdaConfigurationException($"{path}: {name} does not hold an RSA public key.");
            }

            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new IdaConfigurationException($"{path}: {name} is not a PEM certificate (BEGIN CERTIFICATE).", ex);
        }
    }
}

/// <summary>A partner profile or key file that cannot be used; the message says which file and what is wrong.</summary>
public sealed class IdaConfigurationException : Exception
{
    public IdaConfigurationException()
    {
    }

    public IdaConfigurationException(string message)
        : base(message)
    {
    }

    public IdaConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
