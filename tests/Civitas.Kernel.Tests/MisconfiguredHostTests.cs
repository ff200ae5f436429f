namespace Civitas.Kernel.Tests;

/// <summary>A host whose UIN length leaves a tiny number space, and whose RID, licence and OTP settings are broken.</summary>
public sealed class BrokenSettingsFixture : KernelHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Civitas:Kernel:Uin:Length"] = "4",
        ["Civitas:Kernel:Uin:UinsToGenerate"] = "1000",
        ["Civitas:Kernel:Uin:MinUnusedThreshold"] = "10",
        ["Civitas:Kernel:Rid:SequenceLength"] = "0",
        ["Civitas:Kernel:License:KeyLength"] = "4",
        ["Civitas:Kernel:Otp:HmacKey"] = "not*base64",
    };
}

/// <summary>A host with no RID timestamp format, whose OTP key file path the test blocks.</summary>
public sealed class NoTimestampFixture : KernelHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Civitas:Kernel:Rid:TimestampFormat"] = "",
    };
}

/// <summary>Codes MOSIP reports when its configuration is unusable, or its number space is spent.</summary>
public sealed class BrokenSettingsTests(BrokenSettingsFixture fixture) : IClassFixture<BrokenSettingsFixture>
{
    [Fact]
    public async Task A_spent_uin_space_is_KER_UIG_005_and_no_uin_was_given_twice()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 1000; i++)
        {
            var body = await fixture.Client.GetEnvelopeAsync("/v1/idgenerator/uin");
            if (body.GetProperty("errors").ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                body.AssertError("KER-UIG-005", "Internal Server Error");
                Assert.InRange(seen.Count, 100, 400);
                return;
            }

            Assert.True(seen.Add(body.Ok().Str("uin")));
        }

        Assert.Fail("The four-digit UIN space never ran out.");
    }

    [Fact]
    public async Task Sequence_length_zero_is_KER_RIG_007()
    {
        var body = await fixture.Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/10002/10032");
        body.AssertError("KER-RIG-007", "Sequence length should be greater than zero");
    }

    [Fact]
    public async Task A_licence_key_length_below_eight_is_KER_LKM_002()
    {
        var body = await fixture.Client.PostAsync("/v1/licensekeymanager/license/generate", new { tspId = "9837", licenseExpiryTime = "2099-01-01T00:00:00.000Z" });
        body.AssertError("KER-LKM-002", "The length of license key generated was not of the specified length");
    }

    [Fact]
    public async Task An_unusable_otp_key_is_KER_OTG_003_for_generate_and_validate()
    {
        (await fixture.Client.PostAsync("/v1/otpmanager/otp/generate", new { key = "9820173642" }))
            .AssertError("KER-OTG-003", "Invalid key or algorithm found");
        (await fixture.Client.GetEnvelopeAsync("/v1/otpmanager/otp/validate?key=9820173642&otp=123456"))
            .AssertError("KER-OTG-003", "Invalid key or algorithm found");
    }
}

public sealed class NoTimestampTests(NoTimestampFixture fixture) : IClassFixture<NoTimestampFixture>
{
    [Fact]
    public async Task An_empty_timestamp_format_is_KER_RIG_004()
    {
        var body = await fixture.Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/10002/10032");
        body.AssertError("KER-RIG-004", "Timestamp length should be greater than zero");
    }

    [Fact]
    public async Task An_unreadable_otp_key_file_is_KER_OTG_004()
    {
        // A directory where the key file belongs: reading it fails with an I/O error, as a broken volume would.
        Directory.CreateDirectory(Path.Combine(fixture.Host.DataDirectory, "kernel-otp-hmac.key"));
        var body = await fixture.Client.PostAsync("/v1/otpmanager/otp/generate", new { key = "9820173642" });
        body.AssertError("KER-OTG-004", "IO exception found");
    }
}
