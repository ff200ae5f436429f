using System.Text.Json.Nodes;
using Civitas.Authentication.Client;

namespace Civitas.Authentication.Tests;

/// <summary>Each factor and their combinations over real HTTP: success, failure and the IDA code a partner sees.</summary>
public sealed class AuthFactorTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Demographic_match_succeeds_with_a_partner_specific_token_and_a_verifiable_signature()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var answer = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(uin, "diallo AMINA"));
        var other = await IdaCalls.AuthAsync(Client, fixture.PinMandatory, IdaCalls.Demo(uin, "Amina Diallo") with { StaticPin = Residents.Pin });

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.ErrorCode);
        Assert.True(answer.AuthStatus);
        Assert.True(answer.SignatureVerifies(fixture.IdaSigningCertificate));
        Assert.NotNull(answer.AuthToken);
        Assert.DoesNotContain(uin, answer.AuthToken, StringComparison.Ordinal);
        Assert.DoesNotContain(uin, System.Text.Encoding.UTF8.GetString(answer.Bytes), StringComparison.Ordinal);
        Assert.True(other.AuthStatus, other.ErrorMessage);
        Assert.NotEqual(answer.AuthToken, other.AuthToken);
    }

    [Fact]
    public async Task Demographic_mismatch_names_the_attribute_and_is_signed_too()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var answer = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(uin, "Fatou Diallo"));

        Assert.Equal(200, answer.Status);
        Assert.Equal("IDA-DEA-001", answer.ErrorCode);
        Assert.Contains("name", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.False(answer.AuthStatus);
        Assert.True(answer.SignatureVerifies(fixture.IdaSigningCertificate));
    }

    [Fact]
    public async Task Demographic_language_and_missing_data_have_their_own_codes()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var language = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(uin, "Amina Diallo", "xxx"));
        var notStored = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(uin, "أمينة ديالو", "ara"));
        var dob = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Demographics = new JsonObject { ["dob"] = "1990/04/17", ["emailId"] = "AMINA.DIALLO@example.org" } });
        var wrongDob = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Demographics = new JsonObject { ["dob"] = "1991/04/17" } });

        Assert.Equal("IDA-DEA-002", language.ErrorCode);
        Assert.Equal("IDA-DEA-003", notStored.ErrorCode);
        Assert.True(dob.AuthStatus, dob.ErrorMessage);
        Assert.Equal("IDA-DEA-001", wrongDob.ErrorCode);
        Assert.Contains("dob", wrongDob.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_pin_right_and_wrong()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var right = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = Residents.Pin });
        var wrong = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = "000000" });

        Assert.True(right.AuthStatus, right.ErrorMessage);
        Assert.Equal("IDA-SPA-001", wrong.ErrorCode);
    }

    [Fact]
    public async Task Biometric_match_mismatch_shape_and_missing_templates()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var twoSameFingers = new JsonArray(IdaCalls.Finger(Residents.FingerTemplate)[0]!.DeepClone(), IdaCalls.Finger(Residents.FingerTemplate)[0]!.DeepClone());
        var iris = new JsonArray(new JsonObject { ["data"] = new JsonObject { ["bioType"] = "Iris", ["bioSubType"] = "Left", ["bioValue"] = Convert.ToBase64String(Residents.FingerTemplate) } });

        var match = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Biometrics = IdaCalls.Finger(Residents.FingerTemplate) });
        var mismatch = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Biometrics = IdaCalls.Finger(Residents.OtherFinger) });
        var unusable = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Biometrics = IdaCalls.Finger([1, 2, 3]) });
        var duplicate = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Biometrics = twoSameFingers });
        var none = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Biometrics = iris });

        Assert.True(match.AuthStatus, match.ErrorMessage);
        Assert.Equal("IDA-BIA-001", mismatch.ErrorCode);
        Assert.Equal("IDA-BIA-011", unusable.ErrorCode);
        Assert.Equal("IDA-BIA-002", duplicate.ErrorCode);
        Assert.Equal("IDA-BIA-006", none.ErrorCode);
    }

    [Fact]
    public async Task Combination_passes_only_when_every_factor_passes()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var both = IdaCalls.Demo(uin, "Amina Diallo") with { StaticPin = Residents.Pin, Biometrics = IdaCalls.Finger(Residents.FingerTemplate) };

        var ok = await IdaCalls.AuthAsync(Client, fixture.Full, both);
        var badPin = await IdaCalls.AuthAsync(Client, fixture.Full, both with { StaticPin = "111111" });
        var badName = await IdaCalls.AuthAsync(Client, fixture.Full, both with { Demographics = new JsonObject { ["name"] = new JsonArray(new JsonObject { ["language"] = "eng", ["value"] = "Someone Else" }) } });

        Assert.True(ok.AuthStatus, ok.ErrorMessage);
        Assert.Equal("IDA-SPA-001", badPin.ErrorCode);
        Assert.Equal("IDA-DEA-001", badName.ErrorCode);
    }

    [Fact]
    public async Task Unknown_identity_locked_factor_and_status_are_refused_with_their_codes()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var vid = await fixture.IssueVidAsync(uin);
        await fixture.LockAsync(uin, "pin");
        var blocked = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        await fixture.SetStatusAsync(blocked, "BLOCKED");
        var deactivated = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        await fixture.SetStatusAsync(deactivated, "DEACTIVATED");

        var unknown = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo("2345678901", "Amina Diallo"));
        var byVid = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(vid, "Amina Diallo") with { IndividualIdType = "VID" });
        var locked = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = Residents.Pin });
        var isBlocked = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(blocked, "Amina Diallo"));
        var isDeactivated = await IdaCalls.AuthAsync(Client, fixture.Full, IdaCalls.Demo(deactivated, "Amina Diallo"));

        Assert.Equal("IDA-MLC-018", unknown.ErrorCode);
        Assert.Equal("UIN/VID not available in database", unknown.ErrorMessage);
        Assert.True(byVid.AuthStatus, byVid.ErrorMessage);
        Assert.Equal("IDA-MLC-019", locked.ErrorCode);
        Assert.Equal("IDA-MLC-022", isBlocked.ErrorCode);
        Assert.Equal("IDA-MLC-003", isDeactivated.ErrorCode);
    }

    [Fact]
    public async Task Policy_forbidden_and_mandatory_factors_and_no_factor_at_all()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var forbidden = await IdaCalls.AuthAsync(Client, fixture.DemoOnly, new IdaAuthRequest { IndividualId = uin, StaticPin = Residents.Pin });
        var mandatoryMissing = await IdaCalls.AuthAsync(Client, fixture.PinMandatory, IdaCalls.Demo(uin, "Amina Diallo"));
        var nothing = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin });

        Assert.Equal("IDA-MPA-006", forbidden.ErrorCode);
        Assert.Contains("pin", forbidden.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("IDA-MPA-015", mandatoryMissing.ErrorCode);
        Assert.Equal("IDA-MLC-008", nothing.ErrorCode);
    }

    [Fact]
    public async Task Five_wrong_static_pins_lock_pin_authentication_even_for_the_right_one()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var codes = new List<string?>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            codes.Add((await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = "000000" })).ErrorCode);
        }

        var right = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = Residents.Pin });

        Assert.Equal(["IDA-SPA-001", "IDA-SPA-001", "IDA-SPA-001", "IDA-SPA-001", "IDA-SPA-001", "IDA-MLC-019"], codes);
        Assert.Equal("IDA-MLC-019", right.ErrorCode);
    }
}
