using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civitas.Common.Security;
using Civitas.Keys.Management;
using Civitas.Partners;
using Microsoft.Extensions.DependencyInjection;
using Civitas.Testing;

namespace Civitas.Authentication.Tests;

/// <summary>
/// One host with partners onboarded through the admin routes (as an operator does) and residents created through
/// the registry route: a full partner, an eKYC partner, a demo-only partner and one whose policy makes the PIN mandatory.
/// </summary>
public class IdaFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Registry { get; private set; } = null!;

    public HttpClient Internal { get; private set; } = null!;

    internal TestPartner Full { get; private set; } = null!;

    internal TestPartner Kyc { get; private set; } = null!;

    internal TestPartner DemoOnly { get; private set; } = null!;

    internal TestPartner PinMandatory { get; private set; } = null!;

    /// <summary>Onboarded as EKYC but its policy does not list the <c>kyc</c> auth type.</summary>
    internal TestPartner KycWithoutPolicy { get; private set; } = null!;

    /// <summary>The certificate responses must be signed with (the key manager's IDA/SIGN key).</summary>
    internal X509Certificate2 IdaSigningCertificate { get; private set; } = null!;

    private string _mispId = "", _licenseKey = "", _fullPolicy = "";

    /// <summary>Host configuration for fixtures that need other limits.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync(Settings);
        Admin = await Host.CreateServiceClientAsync(CivitasScopes.Admin);
        Registry = await Host.CreateServiceClientAsync(CivitasScopes.Registry);
        Internal = await Host.CreateServiceClientAsync(CivitasScopes.Authentication);
        var misp = await PostAsync(Admin, "/v1/partners/misps", new { name = "Test MISP" });
        var mispId = misp.GetProperty("mispId").GetString()!;
        var licenseKey = misp.GetProperty("licenseKey").GetString()!;
        var full = await PolicyAsync(["otp", "otp-request", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face"], [], ["fullName", "email", "dateOfBirth"]);
        var kyc = await PolicyAsync(["otp", "otp-request", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face", "kyc"], [], ["fullName", "email", "dateOfBirth"]);
        var demoOnly = await PolicyAsync(["demo"], [], ["fullName"]);
        var pinMandatory = await PolicyAsync(["demo", "pin"], ["pin"], ["fullName"]);
        (_mispId, _licenseKey, _fullPolicy) = (mispId, licenseKey, full);
        Full = await OnboardAsync("Full partner", "AUTH", mispId, licenseKey, full);
        Kyc = await OnboardAsync("Kyc partner", "EKYC", mispId, licenseKey, kyc);
        KycWithoutPolicy = await OnboardAsync("Kyc partner without kyc policy", "EKYC", mispId, licenseKey, full);
        DemoOnly = await OnboardAsync("Demo partner", "AUTH", mispId, licenseKey, demoOnly);
        PinMandatory = await OnboardAsync("PIN partner", "AUTH", mispId, licenseKey, pinMandatory);
        var signing = Host.Services.GetRequiredService<IKeyManager>().GetCertificate(IdaKeys.ApplicationId, IdaKeys.SignReference);
        IdaSigningCertificate = X509Certificate2.CreateFromPem(signing.CertificatePem);
    }

    public virtual async Task DisposeAsync()
    {
        Admin.Dispose();
        Registry.Dispose();
        Internal.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Creates a resident through the registry route; answers its UIN.</summary>
    internal async Task<string> CreateResidentAsync(object body)
    {
        var created = await PostAsync(Registry, "/v1/registry/identities", body);
        return created.GetProperty("uin").GetString()!;
    }

    internal async Task<string> IssueVidAsync(string uin)
    {
        var issued = await PostAsync(Registry, $"/v1/registry/identities/{uin}/vids", new { });
        return issued.GetProperty("vid").GetString()!;
    }

    internal async Task LockAsync(string uin, string authType)
    {
        using var response = await Registry.PutAsJsonAsync($"/v1/registry/identities/{uin}/locks/{authType}", new { locked = true });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    internal async Task SetStatusAsync(string uin, string status)
    {
        using var response = await Registry.PutAsJsonAsync($"/v1/registry/identities/{uin}/status", new { status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The last OTP the dev SMS sink wrote for <paramref name="phone"/> (the data directory's outbox file).</summary>
    internal string LastOtpSentTo(string phone)
    {
        var lines = File.ReadAllLines(Path.Combine(Host.DataDirectory, "outbox", "messages.log"));
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        var line = lines.Last(l => l.Contains($"SMS to {digits}:", StringComparison.Ordinal));
        return Regex.Match(line, @"\b(\d{6})\b").Groups[1].Value;
    }

    internal static async Task<JsonElement> PostAsync(HttpClient client, string route, object body)
    {
        using var response = await client.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> PolicyAsync(string[] allowed, string[] mandatory, string[] kyc)
    {
        var policy = await PostAsync(Admin, "/v1/partners/policies", new
        {
            name = "Policy " + Guid.NewGuid().ToString("N")[..6],
            allowedAuthTypes = allowed,
            mandatoryAuthTypes = mandatory,
            allowedKycAttributes = kyc,
            authTokenType = "PARTNER",
        });
        return policy.GetProperty("policyId").GetString()!;
    }

    /// <summary>Onboards an AUTH partner with the full policy and the given certificate (e.g. one about to expire).</summary>
    internal Task<TestPartner> OnboardAsync(string name, X509Certificate2 certificate) =>
        OnboardAsync(name, "AUTH", _mispId, _licenseKey, _fullPolicy, certificate);

    private async Task<TestPartner> OnboardAsync(string name, string kind, string mispId, string licenseKey, string policyId, X509Certificate2? given = null)
    {
        var certificate = given ?? SelfSignedCa(name);
        var created = await PostAsync(Admin, "/v1/partners", new { name, kind, mispId, policyId, certificate = certificate.ExportCertificatePem() });
        var ida = X509Certificate2.CreateFromPem(created.GetProperty("idaCertificate").GetProperty("certificate").GetString());
        return new TestPartner(licenseKey, created.GetProperty("partnerId").GetString()!, created.GetProperty("apiKey").GetString()!, certificate, ida);
    }

    /// <summary>A partner certificate that is its own CA (the partners module accepts those without a chain).</summary>
    internal static X509Certificate2 SelfSignedCa(string name, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Civitas Test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), notAfter ?? DateTimeOffset.UtcNow.AddYears(2));
    }
}

/// <summary>What a test needs to call as a partner: path credentials, its certificate with key, and the IDA certificate to encrypt to.</summary>
internal sealed record TestPartner(string LicenseKey, string PartnerId, string ApiKey, X509Certificate2 Certificate, X509Certificate2 IdaCertificate)
{
    public string Route(string operation) => $"/idauthentication/v1/{operation}/{LicenseKey}/{PartnerId}/{ApiKey}";
}
