using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>The OTP manager over HTTP: generation, single use, the threshold and every input error of the seed.</summary>
public sealed class OtpRouteTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Generated_otp_is_six_digits_and_validates_once_on_either_path()
    {
        var key = NewKey();
        var otp = await GenerateAsync(key);
        Assert.Matches("^[0-9]{6}$", otp);

        var first = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={otp}");
        Assert.Equal("success", first.Ok().Str("status"));
        Assert.Equal("VALIDATION_SUCCESSFUL", first.Ok().Str("message"));

        // Single use: the consumed OTP is gone on the seed's path as on the current one.
        var again = await Client.GetEnvelopeAsync($"/v1/otpmanager/validate?key={key}&otp={otp}");
        again.AssertError("KER-OTV-005", "Validation can't be performed against this key. Generate OTP first.");
    }

    [Fact]
    public async Task Seed_validate_path_accepts_a_fresh_otp()
    {
        var key = NewKey();
        var otp = await GenerateAsync(key);
        var body = await Client.GetEnvelopeAsync($"/v1/otpmanager/validate?key={key}&otp={otp}");
        Assert.Equal("VALIDATION_SUCCESSFUL", body.Ok().Str("message"));
    }

    [Fact]
    public async Task A_new_otp_replaces_the_previous_one()
    {
        var key = NewKey();
        var old = await GenerateAsync(key);
        string fresh;
        do
        {
            fresh = await GenerateAsync(key);
        }
        while (fresh == old);

        var withOld = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={old}");
        Assert.Equal("VALIDATION_UNSUCCESSFUL", withOld.Ok().Str("message"));
        var withFresh = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={fresh}");
        Assert.Equal("VALIDATION_SUCCESSFUL", withFresh.Ok().Str("message"));
    }

    [Fact]
    public async Task Ten_wrong_otps_freeze_the_key_even_for_the_right_otp_and_for_generation()
    {
        var key = NewKey();
        var otp = await GenerateAsync(key);
        var wrong = Wrong(otp);
        for (var i = 1; i < 10; i++)
        {
            var failure = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={wrong}");
            Assert.Equal("failure", failure.Ok().Str("status"));
            Assert.Equal("VALIDATION_UNSUCCESSFUL", failure.Ok().Str("message"));
        }

        var tenth = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={wrong}");
        Assert.Equal("USER_BLOCKED", tenth.Ok().Str("message"));
        var right = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={otp}");
        Assert.Equal("USER_BLOCKED", right.Ok().Str("message"));

        var generate = (await Client.PostAsync("/v1/otpmanager/otp/generate", new { key })).Ok();
        Assert.Equal("USER_BLOCKED", generate.Str("status"));
        Assert.Equal(JsonValueKind.Null, generate.GetProperty("otp").ValueKind);
    }

    [Fact]
    public async Task Parallel_wrong_otps_cannot_exceed_the_threshold()
    {
        var key = NewKey();
        var otp = await GenerateAsync(key);
        var wrong = Wrong(otp);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
            (await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={wrong}")).Ok().Str("message")));

        // Exactly ten attempts were compared (nine plain failures, the tenth froze the key); the rest were refused.
        Assert.Equal(9, answers.Count(a => a == "VALIDATION_UNSUCCESSFUL"));
        Assert.Equal(31, answers.Count(a => a == "USER_BLOCKED"));
        var right = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={otp}");
        Assert.Equal("USER_BLOCKED", right.Ok().Str("message"));
    }

    [Fact]
    public async Task Parallel_right_otps_succeed_exactly_once()
    {
        var key = NewKey();
        var otp = await GenerateAsync(key);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={key}&otp={otp}")));

        Assert.Equal(1, answers.Count(a => a.GetProperty("response").ValueKind == JsonValueKind.Object
            && a.GetProperty("response").Str("message") == "VALIDATION_SUCCESSFUL"));
    }

    [Fact]
    public async Task Neither_the_otp_nor_the_key_is_stored_in_clear()
    {
        var key = "+15550" + Random.Shared.Next(100000, 999999);
        var otp = await GenerateAsync(key);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var rows = await db.Otps.AsNoTracking().ToListAsync();
        foreach (var row in rows)
        {
            Assert.DoesNotContain(key, Encoding.UTF8.GetString(row.KeyHash), StringComparison.Ordinal);
            Assert.False(row.KeyHash.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(key)));
            Assert.DoesNotContain(otp, Encoding.Latin1.GetString(row.OtpHash ?? []), StringComparison.Ordinal);
        }

        Assert.Contains(rows, row => row.OtpHash is { Length: 32 });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("a-key-that-is-far-too-long-for-the-otp-manager-which-stops-at-64-c")]
    public async Task Generate_rejects_keys_outside_3_to_64_characters(string? key)
    {
        var body = await Client.PostAsync("/v1/otpmanager/otp/generate", new { key });
        body.AssertError("KER-OTG-001", "Key length should be in the range of 3-64.");
    }

    [Fact]
    public async Task Generate_accepts_keys_of_exactly_3_and_64_characters()
    {
        Assert.Matches("^[0-9]{6}$", await GenerateAsync("a" + Guid.NewGuid().ToString("N")[..2]));
        Assert.Matches("^[0-9]{6}$", await GenerateAsync(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")));
    }

    [Theory]
    [InlineData("otp=123456", "KER-OTV-001", "Key can't be empty or null.")]
    [InlineData("key=&otp=123456", "KER-OTV-001", "Key can't be empty or null.")]
    [InlineData("key=ab&otp=123456", "KER-OTV-002", "Length of key should be in the range of 3-64.")]
    [InlineData("key=9820173642", "KER-OTV-003", "OTP can't be empty or null.")]
    [InlineData("key=9820173642&otp=", "KER-OTV-003", "OTP can't be empty or null.")]
    [InlineData("key=9820173642&otp=12a456", "KER-OTV-004", "OTP consists of only numeric characters. No other characters is allowed.")]
    [InlineData("key=never-generated-key&otp=123456", "KER-OTV-005", "Validation can't be performed against this key. Generate OTP first.")]
    public async Task Validate_reports_each_input_error_with_the_seeds_code(string query, string code, string message)
    {
        var body = await Client.GetEnvelopeAsync("/v1/otpmanager/otp/validate?" + query);
        body.AssertError(code, message);
    }

    [Fact]
    public async Task Validate_with_a_65_character_key_is_KER_OTV_002()
    {
        var body = await Client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={new string('k', 65)}&otp=123456");
        body.AssertError("KER-OTV-002", "Length of key should be in the range of 3-64.");
    }

    [Fact]
    public async Task Unreadable_generate_body_is_KER_OTV_999()
    {
        using var response = await Client.PostAsync("/v1/otpmanager/otp/generate", new StringContent("{\"request\": {\"key\": 5", Encoding.UTF8, "application/json"));
        var body = await MosipClient.ReadAsync(response);
        body.AssertError("KER-OTV-999", "Invalid request input");
    }

    [Fact]
    public async Task Routes_need_the_kernel_scope()
    {
        using var anonymous = await fixture.Host.Client.GetAsync("/v1/otpmanager/otp/validate?key=abc&otp=123456");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var keysOnly = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Keys);
        using var forbidden = await keysOnly.PostAsJsonAsync("/v1/otpmanager/otp/generate", new { request = new { key = "abcdef" } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    internal static string NewKey() => "otp-" + Guid.NewGuid().ToString("N");

    internal static string Wrong(string otp) => otp[..^1] + (char)('0' + ((otp[^1] - '0' + 1) % 10));

    private async Task<string> GenerateAsync(string key)
    {
        var response = (await Client.PostAsync("/v1/otpmanager/otp/generate", new { key })).Ok();
        Assert.Equal("GENERATION_SUCCESSFUL", response.Str("status"));
        return response.Str("otp");
    }
}
