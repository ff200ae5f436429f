using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Partners.Tests;

/// <summary>One host, an admin client and a partner CA shared by a test class.</summary>
public sealed class PartnersFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A root CA whose partners the tests onboard (uploaded with the first of them).</summary>
    internal X509Certificate2 Ca { get; } = TestCertificates.RootCa();

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync();
        Admin = await Host.CreateServiceClientAsync(CivitasScopes.Admin);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Ca.Dispose();
        await Host.DisposeAsync();
    }

    public Task<Onboarded> OnboardAsync(string kind = "AUTH", string? mispId = null, string? licenseKey = null) =>
        PartnerSteps.OnboardAsync(Admin, Ca, kind, mispId, licenseKey);
}

/// <summary>What a test needs to call as a partner.</summary>
public sealed record Onboarded(string LicenseKey, string MispId, string PolicyId, string PartnerId, string ApiKey);

/// <summary>Onboarding through the admin routes, as an operator does it.</summary>
internal static class PartnerSteps
{
    public static async Task<JsonElement> PostAsync(HttpClient admin, string route, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await admin.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{route}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(string MispId, string LicenseKey)> CreateMispAsync(HttpClient admin, string name = "Test MISP")
    {
        var misp = await PostAsync(admin, "/v1/partners/misps", new { name });
        return (misp.GetProperty("mispId").GetString()!, misp.GetProperty("licenseKey").GetString()!);
    }

    public static async Task<string> CreatePolicyAsync(HttpClient admin, string[]? authTypes = null, string[]? kycAttributes = null)
    {
        var policy = await PostAsync(admin, "/v1/partners/policies", new
        {
            name = "Test policy",
            allowedAuthTypes = authTypes ?? ["otp", "demo", "otp-request"],
            mandatoryAuthTypes = Array.Empty<string>(),
            allowedKycAttributes = kycAttributes ?? ["fullName", "email"],
            authTokenType = "PARTNER",
        });
        return policy.GetProperty("policyId").GetString()!;
    }

    public static async Task<Onboarded> OnboardAsync(HttpClient admin, X509Certificate2 ca, string kind, string? mispId, string? licenseKey)
    {
        if (mispId is null)
        {
            (mispId, licenseKey) = await CreateMispAsync(admin);
        }

        var policyId = await CreatePolicyAsync(admin);
        using var certificate = TestCertificates.IssuedBy(ca, "Partner " + Guid.NewGuid().ToString("N")[..8]);
        var partner = await PostAsync(admin, "/v1/partners", new
        {
            name = "Test partner",
            kind,
            mispId,
            policyId,
            certificate = certificate.Pem(),
            caCertificates = new[] { ca.Pem() },
        });
        return new Onboarded(licenseKey!, mispId, policyId, partner.GetProperty("partnerId").GetString()!, partner.GetProperty("apiKey").GetString()!);
    }
}
