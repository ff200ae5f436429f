using System.Net.Http.Json;
using Civitas.Kernel.Licenses;
using Civitas.Partners.Directory;
using Civitas.Partners.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Partners.Tests;

/// <summary>Every answer of <see cref="IPartnerDirectory"/>, as ID authentication sees it.</summary>
public sealed class PartnerDirectoryTests(PartnersFixture fixture) : IClassFixture<PartnersFixture>
{
    private IPartnerDirectory Directory => fixture.Host.Services.GetRequiredService<IPartnerDirectory>();

    [Fact]
    public async Task A_valid_combination_is_allowed_with_the_partner_and_its_policy()
    {
        var partner = await fixture.OnboardAsync("EKYC");

        var check = await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey);

        Assert.True(check.IsAuthorized, check.ErrorMessage);
        Assert.Null(check.ErrorCode);
        var context = check.Partner!;
        Assert.Equal(partner.PartnerId, context.PartnerId);
        Assert.Equal(PartnerKind.Ekyc, context.Kind);
        Assert.Equal(partner.MispId, context.MispId);
        Assert.Equal(partner.PolicyId, context.Policy.PolicyId);
        Assert.Equal(["demo", "otp", "otp-request"], context.Policy.AllowedAuthTypes.Order(StringComparer.Ordinal));
        Assert.Empty(context.Policy.MandatoryAuthTypes);
        Assert.Equal(["email", "fullName"], context.Policy.AllowedKycAttributes.Order(StringComparer.Ordinal));
        Assert.Equal(AuthTokenType.Partner, context.Policy.AuthTokenType);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", context.CertificatePem, StringComparison.Ordinal);

        var tsp = await Directory.AuthorizeTspAsync(partner.PartnerId, partner.LicenseKey);
        Assert.True(tsp.IsAuthorized);
        Assert.Equal(partner.PartnerId, (await Directory.FindAsync(partner.PartnerId))!.PartnerId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOSUCHLICENSEKEY")]
    public async Task Unknown_licence_key_is_IDA_MPA_007(string licenseKey)
    {
        var partner = await fixture.OnboardAsync();

        AssertRefused("IDA-MPA-007", "License key does not belong to a registered MISP", await Directory.AuthorizeAsync(licenseKey, partner.PartnerId, partner.ApiKey));
        AssertRefused("IDA-MPA-007", "License key does not belong to a registered MISP", await Directory.AuthorizeTspAsync(partner.PartnerId, licenseKey));
    }

    [Fact]
    public async Task A_kernel_licence_key_of_no_MISP_here_is_IDA_MPA_007()
    {
        var partner = await fixture.OnboardAsync();
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var stranger = await scope.ServiceProvider.GetRequiredService<ILicenseKeyService>().GenerateAsync(partner.MispId, DateTimeOffset.UtcNow.AddDays(1));

        AssertRefused("IDA-MPA-007", "License key does not belong to a registered MISP", await Directory.AuthorizeAsync(stranger.Value!, partner.PartnerId, partner.ApiKey));
    }

    [Fact]
    public async Task Expired_licence_is_IDA_MPA_008()
    {
        var partner = await fixture.OnboardAsync();
        var clock = new ManualClock();
        var directory = NewDirectory(clock);
        Assert.True((await directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized);

        clock.Advance(TimeSpan.FromDays(366)); // the licence was issued for one year

        AssertRefused("IDA-MPA-008", "License key of MISP has expired", await directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
    }

    [Theory]
    [InlineData("SUSPENDED")]
    [InlineData("BLOCKED")]
    public async Task Suspended_or_blocked_licence_is_IDA_MPA_017(string status)
    {
        var partner = await fixture.OnboardAsync();
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<ILicenseKeyService>().ChangeStatusAsync(partner.LicenseKey, status);
            Assert.Null(changed.Error);
        }

        AssertRefused("IDA-MPA-017", "License key of MISP is blocked", await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
        AssertRefused("IDA-MPA-017", "License key of MISP is blocked", await Directory.AuthorizeTspAsync(partner.PartnerId, partner.LicenseKey));
    }

    [Fact]
    public async Task Unknown_partner_and_wrong_API_key_get_the_same_IDA_MPA_009()
    {
        var partner = await fixture.OnboardAsync();
        var other = await fixture.OnboardAsync();

        var unknown = await Directory.AuthorizeAsync(partner.LicenseKey, "no-such-partner", partner.ApiKey);
        var wrongKey = await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, other.ApiKey);
        var emptyKey = await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, "");

        AssertRefused("IDA-MPA-009", "Partner is not registered", unknown);
        Assert.Equal(unknown, wrongKey);
        Assert.Equal(unknown, emptyKey);
        AssertRefused("IDA-MPA-009", "Partner is not registered", await Directory.AuthorizeTspAsync("no-such-partner", partner.LicenseKey));
        Assert.Null(await Directory.FindAsync("no-such-partner"));
    }

    [Fact]
    public async Task Partner_of_another_MISP_is_IDA_MPA_010()
    {
        var partner = await fixture.OnboardAsync();
        var other = await fixture.OnboardAsync();

        AssertRefused("IDA-MPA-010", "MISP and Partner not mapped", await Directory.AuthorizeAsync(other.LicenseKey, partner.PartnerId, partner.ApiKey));
        AssertRefused("IDA-MPA-010", "MISP and Partner not mapped", await Directory.AuthorizeTspAsync(partner.PartnerId, other.LicenseKey));
    }

    [Fact]
    public async Task Deactivated_partner_is_IDA_MPA_012_and_active_again_after_reactivation()
    {
        var partner = await fixture.OnboardAsync();
        Assert.True((await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized); // now cached

        await SetStatusAsync($"/v1/partners/{partner.PartnerId}/status", "DEACTIVATED");

        AssertRefused("IDA-MPA-012", "Partner is deactivated", await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
        Assert.Null(await Directory.FindAsync(partner.PartnerId));

        await SetStatusAsync($"/v1/partners/{partner.PartnerId}/status", "ACTIVE");
        Assert.True((await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized);
    }

    [Fact]
    public async Task Partner_without_a_policy_is_IDA_MPA_014()
    {
        var partner = await fixture.OnboardAsync();
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            await db.Partners.Where(p => p.Id == partner.PartnerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PolicyId, (string?)null));
        }

        AssertRefused("IDA-MPA-014", "Partner is not assigned with any policy", await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
        Assert.Null(await Directory.FindAsync(partner.PartnerId));
    }

    [Fact]
    public async Task Inactive_policy_is_IDA_MPA_019()
    {
        var partner = await fixture.OnboardAsync();
        Assert.True((await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized); // now cached

        await SetStatusAsync($"/v1/partners/policies/{partner.PolicyId}/status", "INACTIVE");

        AssertRefused("IDA-MPA-019", "Partner policy is not active", await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
        AssertRefused("IDA-MPA-019", "Partner policy is not active", await Directory.AuthorizeTspAsync(partner.PartnerId, partner.LicenseKey));
    }

    [Fact]
    public async Task Licence_checks_come_before_partner_checks()
    {
        var partner = await fixture.OnboardAsync();
        await SetStatusAsync($"/v1/partners/{partner.PartnerId}/status", "DEACTIVATED");

        AssertRefused("IDA-MPA-007", "License key does not belong to a registered MISP", await Directory.AuthorizeAsync("WRONG", partner.PartnerId, "wrong"));
        AssertRefused("IDA-MPA-009", "Partner is not registered", await Directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, "wrong"));
    }

    [Fact]
    public async Task A_change_made_elsewhere_shows_once_the_cache_time_has_passed()
    {
        var partner = await fixture.OnboardAsync();
        var clock = new ManualClock();
        var directory = NewDirectory(clock, cacheSeconds: 10);
        Assert.True((await directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized);

        // Another node deactivates the partner: only the database changes, this directory is not told.
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartnersDbContext>();
            await db.Partners.Where(p => p.Id == partner.PartnerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, "DEACTIVATED"));
        }

        Assert.True((await directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey)).IsAuthorized);
        clock.Advance(TimeSpan.FromSeconds(11));
        AssertRefused("IDA-MPA-012", "Partner is deactivated", await directory.AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey));
    }

    [Fact]
    public async Task A_new_licence_works_at_once_even_after_it_was_refused()
    {
        var partner = await fixture.OnboardAsync();
        var clock = new ManualClock();
        var directory = NewDirectory(clock, cacheSeconds: 30);
        AssertRefused("IDA-MPA-009", "Partner is not registered", await directory.AuthorizeAsync(partner.LicenseKey, "late-partner", "x"));

        var late = await PartnerSteps.PostAsync(fixture.Admin, "/v1/partners", await LatePartnerAsync(partner));

        Assert.True((await directory.AuthorizeAsync(partner.LicenseKey, "late-partner", late.GetProperty("apiKey").GetString()!)).IsAuthorized);
    }

    private async Task<object> LatePartnerAsync(Onboarded partner)
    {
        using var certificate = TestCertificates.IssuedBy(fixture.Ca, "Late partner");
        await Task.CompletedTask;
        return new { partnerId = "late-partner", name = "Late", kind = "AUTH", partner.MispId, partner.PolicyId, certificate = certificate.Pem(), caCertificates = new[] { fixture.Ca.Pem() } };
    }

    private PartnerDirectory NewDirectory(TimeProvider clock, int cacheSeconds = 10) => new(
        fixture.Host.Services.GetRequiredService<IDbContextFactory<PartnersDbContext>>(),
        fixture.Host.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new PartnersOptions { CacheSeconds = cacheSeconds }),
        clock);

    private async Task SetStatusAsync(string route, string status)
    {
        using var response = await fixture.Admin.PutAsJsonAsync(route, new { status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertRefused(string code, string message, PartnerCheck check)
    {
        Assert.False(check.IsAuthorized);
        Assert.Null(check.Partner);
        Assert.Equal(code, check.ErrorCode);
        Assert.Equal(message, check.ErrorMessage);
    }
}
