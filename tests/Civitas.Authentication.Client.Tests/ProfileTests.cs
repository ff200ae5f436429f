using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Authentication.Client.Tests;

/// <summary><see cref="IdaPartnerProfile.Load"/>: a good partner.json loads; each kind of mistake is named.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _folder = TestKeys.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Loads_the_onboarding_output_and_attaches_the_private_key()
    {
        var (json, key) = Write(Good());

        var profile = IdaPartnerProfile.Load(json, key);

        Assert.Equal("http://127.0.0.1:5000", profile.BaseUrl);
        Assert.Equal("LK0123456789ABCD", profile.MispLicenseKey);
        Assert.Equal("partner-7", profile.PartnerId);
        Assert.Equal("api-key-secret", profile.ApiKey);
        Assert.True(profile.PartnerCertificate.HasPrivateKey);
        Assert.Equal(TestKeys.Ida.RawData, profile.IdaCertificate.RawData);
        Assert.False(profile.IdaCertificate.HasPrivateKey);
    }

    [Fact]
    public void ToString_does_not_show_the_api_key()
    {
        var (json, key) = Write(Good());

        var text = IdaPartnerProfile.Load(json, key).ToString();

        Assert.Contains("partner-7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("api-key-secret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiKey", "missing field 'apiKey'")]
    [InlineData("mispLicenseKey", "missing field 'mispLicenseKey'")]
    [InlineData("idaCertificate", "missing field 'idaCertificate'")]
    public void A_missing_field_is_named(string field, string expected)
    {
        var partner = Good();
        partner.Remove(field);
        var (json, key) = Write(partner);

        var error = Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_bad_urls_and_bad_certificates_are_named()
    {
        AssertRefused(p => p["partnerId"] = 7, "field 'partnerId' must be a non-empty string");
        AssertRefused(p => p["baseUrl"] = "ftp://example.org", "baseUrl is not an absolute http(s) URL");
        AssertRefused(p => p["idaCertificate"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "idaCertificate is not a PEM certificate");
        AssertRefused(p => p["idaThumbprintHex"] = new string('A', 64), "idaThumbprintHex is not the SHA-256 thumbprint of idaCertificate");
    }

    [Fact]
    public void Not_json_and_missing_files_are_named()
    {
        var (json, key) = Write(Good());
        File.WriteAllText(json, "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key)).Message, StringComparison.Ordinal);

        var missing = Path.Combine(_folder, "nope.json");
        Assert.Contains("nope.json: the partner file does not exist", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(missing, key)).Message, StringComparison.Ordinal);
        var (json2, _) = Write(Good());
        Assert.Contains("the private key file does not exist", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json2, missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_another_certificate_an_encrypted_key_and_a_certificate_in_the_key_file_are_named()
    {
        var (json, key) = Write(Good());

        File.WriteAllText(key, TestKeys.PrivateKeyPem(TestKeys.Ida));
        Assert.Contains("does not belong to the partner certificate", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key)).Message, StringComparison.Ordinal);

        using var rsa = TestKeys.Partner.GetRSAPrivateKey()!;
        File.WriteAllText(key, rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        Assert.Contains("encrypted private key", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key)).Message, StringComparison.Ordinal);

        File.WriteAllText(key, TestKeys.Partner.ExportCertificatePem());
        Assert.Contains("no RSA private key in PEM form", Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key)).Message, StringComparison.Ordinal);
    }

    private void AssertRefused(Action<JsonObject> spoil, string expected)
    {
        var partner = Good();
        spoil(partner);
        var (json, key) = Write(partner);
        var error = Assert.Throws<IdaConfigurationException>(() => IdaPartnerProfile.Load(json, key));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Good() => new()
    {
        ["baseUrl"] = "http://127.0.0.1:5000",
        ["mispLicenseKey"] = "LK0123456789ABCD",
        ["partnerId"] = "partner-7",
        ["apiKey"] = "api-key-secret",
        ["partnerCertificate"] = TestKeys.Partner.ExportCertificatePem(),
        ["idaCertificate"] = TestKeys.Ida.ExportCertificatePem(),
        ["idaThumbprintHex"] = Convert.ToHexString(SHA256.HashData(TestKeys.Ida.RawData)),
    };

    private (string Json, string Key) Write(JsonObject partner)
    {
        var name = Guid.NewGuid().ToString("N")[..8];
        var json = Path.Combine(_folder, name + "-partner.json");
        var key = Path.Combine(_folder, name + "-key.pem");
        File.WriteAllText(json, partner.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(key, TestKeys.PrivateKeyPem(TestKeys.Partner));
        return (json, key);
    }
}
