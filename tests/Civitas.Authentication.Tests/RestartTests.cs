using Civitas.Authentication.Client;

namespace Civitas.Authentication.Tests;

/// <summary>A host of its own, restarted mid-test: the OTP freeze and the replay guard live in the database.</summary>
public sealed class RestartFixture : IdaFixture;

public sealed class RestartTests(RestartFixture fixture) : IClassFixture<RestartFixture>
{
    [Fact]
    public async Task Otp_freeze_and_seen_transaction_ids_hold_across_a_restart()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var transactionId = IdaCalls.NewTransactionId();
            await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId));
            var wrong = fixture.LastOtpSentTo(phone) == "000000" ? "111111" : "000000";
            await IdaCalls.AuthAsync(fixture.Host.Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = wrong }, transactionId);
        }
        var body = IdaCalls.AuthBody(fixture.Full, IdaCalls.Demo(uin, "Amina Diallo"));
        var first = await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "auth", body);

        await fixture.Host.RestartAsync();
        var frozen = await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, IdaCalls.NewTransactionId()));
        var replay = await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "auth", body);

        Assert.True(first.AuthStatus, first.ErrorMessage);
        Assert.Equal("IDA-OTA-013", frozen.ErrorCode);
        Assert.Equal("IDA-MLC-016", replay.ErrorCode);
    }
}
