using System.Text.Json;

namespace Civitas.Kernel.Tests;

/// <summary>The licence key manager over HTTP on both paths, and every KER-LKM case the seed lists.</summary>
public sealed class LicenseTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private const string Seed = "/v1/licensekeymanager/license";
    private const string Current = "/v1/keymanager/license";
    private static readonly string Future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Generate_map_fetch_and_suspend_a_licence()
    {
        var key = await GenerateAsync("9837");
        Assert.Matches("^[A-Za-z0-9]{16}$", key);

        var mapped = (await Client.PostAsync(Seed + "/permission", new { MISPId = "9837", licenseKey = key, permissions = new[] { "OTP Trigger", "e-KYC Authentication" } })).Ok();
        Assert.Equal("Mapped License with the permissions", mapped.Str("status"));

        var fetched = (await Client.GetEnvelopeAsync($"{Current}/permission?tspId=9837&licenseKey={key}")).Ok();
        Assert.Equal(["OTP Trigger", "e-KYC Authentication"], fetched.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Equal("ACTIVE", fetched.Str("status"));

        var seedFetch = (await Client.GetEnvelopeAsync($"{Seed}/permission?MISPId=9837&licenseKey={key}")).Ok();
        Assert.Equal(2, seedFetch.GetProperty("permissions").GetArrayLength());

        var suspended = (await Client.PutAsync(Current + "/status", new { licenseKey = key, status = "SUSPENDED" })).Ok();
        Assert.Equal("SUSPENDED", suspended.Str("status"));
        var after = (await Client.GetEnvelopeAsync($"{Seed}/permission?tspId=9837&licenseKey={key}")).Ok();
        Assert.Equal("SUSPENDED", after.Str("status"));
    }

    [Fact]
    public async Task Mapping_replaces_the_earlier_permissions()
    {
        var key = await GenerateAsync("7001");
        await Client.PostAsync(Current + "/permission", new { tspId = "7001", licenseKey = key, permissions = new[] { "OTP Trigger", "OTP Authentication" } });
        await Client.PostAsync(Current + "/permission", new { tspId = "7001", licenseKey = key, permissions = new[] { "Static Pin Authentication" } });

        var fetched = (await Client.GetEnvelopeAsync($"{Current}/permission?tspId=7001&licenseKey={key}")).Ok();
        Assert.Equal(["Static Pin Authentication"], fetched.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Generate_without_a_tsp_is_KER_LKM_001(string? tsp)
    {
        var body = await Client.PostAsync(Seed + "/generate", new { tspId = tsp, licenseExpiryTime = Future });
        body.AssertError("KER-LKM-001", "TSP entered is null or empty");
    }

    [Fact]
    public async Task Generate_with_a_past_expiry_is_KER_LKM_008()
    {
        var body = await Client.PostAsync(Seed + "/generate", new { tspId = "9837", licenseExpiryTime = "2019-03-07T10:00:00.000Z" });
        body.AssertError("KER-LKM-008", "Expiry DateTime should be ahead of current DateTime.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("next tuesday")]
    public async Task Generate_with_an_unreadable_expiry_is_refused(string? expiry)
    {
        var body = await Client.PostAsync(Current + "/generate", new { tspId = "9837", licenseExpiryTime = expiry });
        body.AssertError("KER-LKM-999", "Invalid request input");
    }

    [Fact]
    public async Task Mapping_errors_have_the_seeds_codes()
    {
        var key = await GenerateAsync("9838");
        (await MapAsync(null, key, ["OTP Trigger"])).AssertError("KER-LKM-001", "TSP entered is null or empty");
        (await MapAsync("9838", "", ["OTP Trigger"])).AssertError("KER-LKM-006", "License Key entered is null or empty.");
        (await MapAsync("9838", key, [""])).AssertError("KER-LKM-007", "Permission entered is an empty string.");
        (await MapAsync("9838", key, [])).AssertError("KER-LKM-007", "Permission entered is an empty string.");
        (await MapAsync("9838", key, ["Fly to the moon"])).AssertError("KER-LKM-003", "Permission value entered is not accepted");
        (await MapAsync("9838", "NoSuchLicenseKey", ["OTP Trigger"])).AssertError("KER-LKM-004", "LicenseKey Not Found.");
        (await MapAsync("another-tsp", key, ["OTP Trigger"])).AssertError("KER-LKM-004", "LicenseKey Not Found.");
    }

    [Fact]
    public async Task Fetch_errors_have_the_seeds_codes()
    {
        var key = await GenerateAsync("9839");
        (await Client.GetEnvelopeAsync($"{Seed}/permission?tspId=9839&licenseKey={key}")).AssertError("KER-LKM-009", "No Permissions has been mapped to the entered TSP-LicenseKey Pair.");
        (await Client.GetEnvelopeAsync($"{Seed}/permission?licenseKey={key}")).AssertError("KER-LKM-001", "TSP entered is null or empty");
        (await Client.GetEnvelopeAsync($"{Seed}/permission?tspId=9839")).AssertError("KER-LKM-006", "License Key entered is null or empty.");
        (await Client.GetEnvelopeAsync($"{Seed}/permission?tspId=9839&licenseKey=NoSuchLicenseKey")).AssertError("KER-LKM-004", "LicenseKey Not Found.");
    }

    [Fact]
    public async Task An_expired_licence_is_KER_LKM_005()
    {
        var soon = DateTime.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var key = (await Client.PostAsync(Seed + "/generate", new { tspId = "9840", licenseExpiryTime = soon })).Ok().Str("licenseKey");
        await Task.Delay(1500);

        (await MapAsync("9840", key, ["OTP Trigger"])).AssertError("KER-LKM-005", "LicenseKey Expired.");
        (await Client.GetEnvelopeAsync($"{Seed}/permission?tspId=9840&licenseKey={key}")).AssertError("KER-LKM-005", "LicenseKey Expired.");
        (await Client.PutAsync(Seed + "/status", new { licenseKey = key, status = "ACTIVE" })).AssertError("KER-LKM-005", "LicenseKey Expired.");
    }

    [Fact]
    public async Task Status_errors_are_reported()
    {
        var key = await GenerateAsync("9841");
        (await Client.PutAsync(Seed + "/status", new { licenseKey = "", status = "BLOCKED" })).AssertError("KER-LKM-006", "License Key entered is null or empty.");
        (await Client.PutAsync(Seed + "/status", new { licenseKey = "NoSuchLicenseKey", status = "BLOCKED" })).AssertError("KER-LKM-004", "LicenseKey Not Found.");
        (await Client.PutAsync(Seed + "/status", new { licenseKey = key, status = "DORMANT" })).AssertError("KER-LKM-999", "Invalid request input");
        Assert.Equal("BLOCKED", (await Client.PutAsync(Seed + "/status", new { licenseKey = key, status = "blocked" })).Ok().Str("status"));
    }

    private async Task<string> GenerateAsync(string tsp) =>
        (await Client.PostAsync(Seed + "/generate", new { MISPId = tsp, licenseExpiryTime = Future })).Ok().Str("licenseKey");

    private Task<JsonElement> MapAsync(string? tsp, string key, string[] permissions) =>
        Client.PostAsync(Current + "/permission", new { tspId = tsp, licenseKey = key, permissions });
}
