using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Keys.Management;
using Civitas.Partners.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Partners.Tests;

/// <summary>The admin routes as an operator (and the other engineers' code) use them.</summary>
public sealed class PartnersApiTests(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private IPartnerDirectory Directory => fixture.Host.Services.GetRequiredService<IPartnerDirectory>();

    [Fact]
    public async Task Misp_creation_answers_its_licence_key_once_with_a_one_year_default()
    {
        var misp = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners/misps", new { name = "Bank of Tests" });

        Assert.StartsWith("misp-", misp.GetProperty("mispId").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bank of Tests", misp.GetProperty("name").GetString());
        Assert.Matches("^[A-Za-z0-9]{16}$", misp.GetProperty("licenseKey").GetString());
        var expires = misp.GetProperty("licenseExpiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(370));

        var dated = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners/misps", new { name = "Dated", licenseExpiresAt = "2031-06-30T12:00:00Z" });
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 12, 0, 0, TimeSpan.Zero), dated.GetProperty("licenseExpiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\"   \"}", "name")]
    [InlineData("{\"name\":\"M\",\"licenseExpiresAt\":\"tomorrow\"}", "licenseExpiresAt")]
    [InlineData("{\"name\":\"M\",\"licenseExpiresAt\":\"2001-01-01T00:00:00Z\"}", "licenseExpiresAt")]
    public async Task Bad_misp_requests_name_the_field_and_write_nothing(string body, string field)
    {
        var before = await CountAsync();

        await AssertInvalidAsync("/v1/partners/misps", body, field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Policy_is_echoed_in_canonical_spelling_read_back_and_its_status_changes()
    {
        var policy = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners/policies", new
        {
            name = "eKYC full",
            allowedAuthTypes = new[] { "OTP", "bio-finger", "kyc", "otp" },
            mandatoryAuthTypes = new[] { "otp" },
            allowedKycAttributes = new[] { "fullName", "photo" },
            authTokenType = "random",
        });
        var policyId = policy.GetProperty("policyId").GetString()!;

        Assert.Equal(["otp", "bio-Finger", "kyc"], Strings(policy.GetProperty("allowedAuthTypes")));
        Assert.Equal(["otp"], Strings(policy.GetProperty("mandatoryAuthTypes")));
        Assert.Equal(["fullName", "photo"], Strings(policy.GetProperty("allowedKycAttributes")));
        Assert.Equal("RANDOM", policy.GetProperty("authTokenType").GetString());
        Assert.Equal("ACTIVE", policy.GetProperty("status").GetString());

        var read = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/v1/partners/policies/{policyId}");
        Assert.Equal("eKYC full", read.GetProperty("name").GetString());

        using var inactive = await fixture.Admin.PutAsJsonAsync($"/v1/partners/policies/{policyId}/status", new { status = "INACTIVE" });
        Assert.Equal("INACTIVE", (await inactive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var bad = await fixture.Admin.PutAsJsonAsync($"/v1/partners/policies/{policyId}/status", new { status = "ASLEEP" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var missing = await fixture.Admin.GetAsync("/v1/partners/policies/policy-none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingStatus = await fixture.Admin.PutAsJsonAsync("/v1/partners/policies/policy-none/status", new { status = "ACTIVE" });
        Assert.Equal(HttpStatusCode.NotFound, missingStatus.StatusCode);
    }

    [Theory]
    [InlineData("{\"allowedAuthTypes\":[\"otp\"]}", "name")]
    [InlineData("{\"name\":\"P\"}", "allowedAuthTypes")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[]}", "allowedAuthTypes")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[\"otp\",\"telepathy\"]}", "allowedAuthTypes[1]")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[\"otp\",null]}", "allowedAuthTypes[1]")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[\"otp\"],\"mandatoryAuthTypes\":[\"pin\"]}", "mandatoryAuthTypes")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[\"otp\"],\"allowedKycAttributes\":[\"shoeSize\"]}", "allowedKycAttributes[0]")]
    [InlineData("{\"name\":\"P\",\"allowedAuthTypes\":[\"otp\"],\"authTokenType\":\"UIN\"}", "authTokenType")]
    public async Task Bad_policies_name_the_field_and_write_nothing(string body, string field)
    {
        var before = await CountAsync();

        await AssertInvalidAsync("/v1/partners/policies", body, field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Onboarding_answers_the_api_key_once_and_the_IDA_certificate_with_its_thumbprints()
    {
        var (mispId, _) = await PartnerSteps.CreateMispAsync(fixture.Admin);
        var policyId = await PartnerSteps.CreatePolicyAsync(fixture.Admin);
        using var certificate = TestCertificates.IssuedBy(fixture.Ca, "Onboarding partner");

        var created = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners", new
        {
            partnerId = "onboarding-1",
            name = "Onboarding partner",
            kind = "ekyc",
            mispId,
            policyId,
            certificate = certificate.Pem(),
            caCertificates = new[] { fixture.Ca.Pem() },
        });

        Assert.Equal("onboarding-1", created.GetProperty("partnerId").GetString());
        Assert.Equal("EKYC", created.GetProperty("kind").GetString());
        Assert.Equal("ACTIVE", created.GetProperty("status").GetString());
        Assert.Equal(mispId, created.GetProperty("mispId").GetString());
        Assert.Equal(policyId, created.GetProperty("policyId").GetString());
        Assert.True(created.GetProperty("apiKey").GetString()!.Length >= 43);

        var ida = created.GetProperty("idaCertificate");
        using var idaCertificate = X509Certificate2.CreateFromPem(ida.GetProperty("certificate").GetString());
        var digest = SHA256.HashData(idaCertificate.RawData);
        Assert.Equal(Convert.ToHexString(digest), ida.GetProperty("thumbprintHex").GetString());
        Assert.Equal(Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_'), ida.GetProperty("thumbprintBase64Url").GetString());
        var expected = fixture.Host.Services.GetRequiredService<IKeyManager>().GetCertificate(IdaKeys.ApplicationId, IdaKeys.PartnerReference);
        Assert.Equal(expected.CertificatePem.Trim(), ida.GetProperty("certificate").GetString()!.Trim());

        var alone = await fixture.Admin.GetFromJsonAsync<JsonElement>("/v1/partners/ida-certificate");
        Assert.Equal(ida.GetProperty("thumbprintHex").GetString(), alone.GetProperty("thumbprintHex").GetString());

        using var read = await fixture.Admin.GetAsync("/v1/partners/onboarding-1");
        var readText = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(created.GetProperty("apiKey").GetString()!, readText, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(readText).RootElement.TryGetProperty("apiKey", out _));
        Assert.Contains("BEGIN CERTIFICATE", readText, StringComparison.Ordinal);

        var list = await fixture.Admin.GetFromJsonAsync<JsonElement>("/v1/partners");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("partnerId").GetString() == "onboarding-1");
        using var unknown = await fixture.Admin.GetAsync("/v1/partners/no-such-partner");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_self_signed_CA_certificate_is_its_own_CA_and_a_plain_self_signed_one_is_refused()
    {
        var (mispId, licenseKey) = await PartnerSteps.CreateMispAsync(fixture.Admin);
        var policyId = await PartnerSteps.CreatePolicyAsync(fixture.Admin);
        using var own = TestCertificates.SelfSigned("Self-signed partner", isCa: true);

        var created = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners", new { name = "Own CA", kind = "AUTH", mispId, policyId, certificate = own.Pem() });
        var check = await Directory.AuthorizeAsync(licenseKey, created.GetProperty("partnerId").GetString()!, created.GetProperty("apiKey").GetString()!);
        Assert.True(check.IsAuthorized);
        Assert.StartsWith("partner-", check.Partner!.PartnerId, StringComparison.Ordinal);

        using var plain = TestCertificates.SelfSigned("Plain self-signed", isCa: false);
        var before = await CountAsync();
        await AssertInvalidAsync("/v1/partners", JsonSerializer.Serialize(new { name = "Plain", kind = "AUTH", mispId, policyId, certificate = plain.Pem() }), "certificate");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bad_partner_requests_name_the_field_and_write_nothing()
    {
        var (mispId, _) = await PartnerSteps.CreateMispAsync(fixture.Admin);
        var policyId = await PartnerSteps.CreatePolicyAsync(fixture.Admin);
        using var good = TestCertificates.IssuedBy(fixture.Ca, "Good partner");
        using var shortKey = TestCertificates.IssuedBy(fixture.Ca, "Short key partner", keySize: 1024);
        using var expired = TestCertificates.SelfSigned("Expired", isCa: true, notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        using var future = TestCertificates.SelfSigned("Not yet", isCa: true, notBefore: DateTimeOffset.UtcNow.AddDays(2), notAfter: DateTimeOffset.UtcNow.AddYears(1));
        using var elliptic = TestCertificates.EllipticCurve("EC partner");
        using var strangerCa = TestCertificates.RootCa("Stranger CA");
        using var leafAsCa = TestCertificates.IssuedBy(fixture.Ca, "Leaf as CA");
        var ca = new[] { fixture.Ca.Pem() };
        var cases = new (object Body, string Field)[]
        {
            (new { kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "name"),
            (new { name = "P", kind = "PAYMENTS", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "kind"),
            (new { name = "P", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "kind"),
            (new { partnerId = "a b", name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "partnerId"),
            (new { partnerId = "ab", name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "partnerId"),
            (new { partnerId = "policies", name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = ca }, "partnerId"),
            (new { name = "P", kind = "AUTH", mispId = "misp-none", policyId, certificate = good.Pem(), caCertificates = ca }, "mispId"),
            (new { name = "P", kind = "AUTH", policyId, certificate = good.Pem(), caCertificates = ca }, "mispId"),
            (new { name = "P", kind = "AUTH", mispId, policyId = "policy-none", certificate = good.Pem(), caCertificates = ca }, "policyId"),
            (new { name = "P", kind = "AUTH", mispId, policyId, caCertificates = ca }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = "hello", caCertificates = ca }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", caCertificates = ca }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = shortKey.Pem(), caCertificates = ca }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = expired.Pem() }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = future.Pem() }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = elliptic.Pem() }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = new[] { strangerCa.Pem() } }, "certificate"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = new[] { "junk" } }, "caCertificates[0]"),
            (new { name = "P", kind = "AUTH", mispId, policyId, certificate = good.Pem(), caCertificates = new[] { leafAsCa.Pem() } }, "caCertificates[0]"),
        };

        var before = await CountAsync();
        foreach (var (body, field) in cases)
        {
            await AssertInvalidAsync("/v1/partners", JsonSerializer.Serialize(body), field);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_certificate_that_no_trusted_CA_issued_needs_its_CA()
    {
        var (mispId, _) = await PartnerSteps.CreateMispAsync(fixture.Admin);
        var policyId = await PartnerSteps.CreatePolicyAsync(fixture.Admin);
        using var unknownCa = TestCertificates.RootCa("Unknown CA");
        using var certificate = TestCertificates.IssuedBy(unknownCa, "Orphan partner");

        await AssertInvalidAsync("/v1/partners", JsonSerializer.Serialize(new { name = "P", kind = "AUTH", mispId, policyId, certificate = certificate.Pem() }), "caCertificates");
    }

    [Fact]
    public async Task Duplicate_partner_id_and_reused_certificate_are_409_and_write_nothing()
    {
        var first = await fixture.OnboardAsync();
        using var certificate = TestCertificates.IssuedBy(fixture.Ca, "Second partner");
        var before = await CountAsync();

        using var duplicate = await fixture.Admin.PostAsJsonAsync("/v1/partners", new
        {
            partnerId = first.PartnerId, name = "Again", kind = "AUTH", first.MispId, first.PolicyId, certificate = certificate.Pem(), caCertificates = new[] { fixture.Ca.Pem() },
        });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);

        var firstCertificate = (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/v1/partners/{first.PartnerId}")).GetProperty("certificate").GetString();
        using var reused = await fixture.Admin.PostAsJsonAsync("/v1/partners", new
        {
            name = "Copycat", kind = "AUTH", first.MispId, first.PolicyId, certificate = firstCertificate, caCertificates = new[] { fixture.Ca.Pem() },
        });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Rotating_the_api_key_stops_the_old_one_at_once()
    {
        var partner = await fixture.OnboardAsync();
        Assert.True((await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized); // cached now

        var rotated = await PartnerSteps.PostAsync(fixture.Admin, $"/v1/partners/{partner.PartnerId}/apikey", new { }, HttpStatusCode.OK);
        var newKey = rotated.GetProperty("apiKey").GetString()!;

        Assert.NotEqual(partner.ApiKey, newKey);
        Assert.Equal("IDA-MPA-009", (await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).ErrorCode);
        Assert.True((await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, newKey)).IsAuthorized);
        using var unknown = await fixture.Admin.PostAsJsonAsync("/v1/partners/no-such-partner/apikey", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Partner_status_accepts_only_known_values()
    {
        var partner = await fixture.OnboardAsync();

        using var bad = await fixture.Admin.PutAsJsonAsync($"/v1/partners/{partner.PartnerId}/status", new { status = "PAUSED" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var missing = await fixture.Admin.PutAsJsonAsync("/v1/partners/no-such-partner/status", new { status = "ACTIVE" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var done = await fixture.Admin.PutAsJsonAsync($"/v1/partners/{partner.PartnerId}/status", new { status = "deactivated" });
        Assert.Equal("DEACTIVATED", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/v1/partners/misps", "{\"name\":")]
    [InlineData("/v1/partners/policies", "{\"name\":\"P\",\"allowedAuthTypes\":\"otp\"}")]
    [InlineData("/v1/partners", "[1,2,3]")]
    [InlineData("/v1/partners", "{\"name\":42}")]
    public async Task Malformed_json_is_a_400_not_a_500(string route, string body)
    {
        using var response = await fixture.Admin.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_admin_clients_may_call()
    {
        using var kernel = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Kernel);
        using var forbidden = await kernel.PostAsJsonAsync("/v1/partners/misps", new { name = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await fixture.Host.Client.GetAsync("/v1/partners");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task No_licence_or_api_key_is_stored_in_clear()
    {
        var partner = await fixture.OnboardAsync();
        var rotated = (await PartnerSteps.PostAsync(fixture.Admin, $"/v1/partners/{partner.PartnerId}/apikey", new { }, HttpStatusCode.OK)).GetProperty("apiKey").GetString()!;
        string[] secrets = [partner.LicenseKey, partner.ApiKey, rotated];

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        var stored = new StringBuilder();
        foreach (var misp in await db.Misps.AsNoTracking().ToListAsync())
        {
            stored.Append(misp.Id).Append(misp.Name).Append(Encoding.Latin1.GetString(misp.LicenseKeyHash));
        }

        foreach (var row in await db.Partners.AsNoTracking().ToListAsync())
        {
            stored.Append(row.Id).Append(row.Name).Append(row.CertificatePem).Append(row.TrustCertificateId).Append(Encoding.Latin1.GetString(row.ApiKeyHash));
        }

        Assert.All(secrets, secret => Assert.DoesNotContain(secret, stored.ToString(), StringComparison.Ordinal));

        if (!fixture.Host.Database.IsPostgres)
        {
            // The whole SQLite file set, whatever table or journal a secret could end up in (the kernel's own licence table aside).
            var files = System.IO.Directory.GetFiles(Path.GetFullPath(fixture.Host.DataDirectory), "civitas.db*");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var bytes = await ReadSharedAsync(file);
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(partner.ApiKey)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(rotated)));
            }
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task AssertInvalidAsync(string route, string body, string field)
    {
        using var response = await fixture.Admin.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{body}: expected {field} in {text}");
    }

    private async Task<(int Misps, int Policies, int Partners)> CountAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
        return (await db.Misps.CountAsync(), await db.Policies.CountAsync(), await db.Partners.CountAsync());
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
