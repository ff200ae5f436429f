using Civitas.Authentication.Client;
using Civitas.Authentication.Persistence;
using Civitas.Authentication.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Authentication.Tests;

/// <summary>OTP over the partner routes: sent to the registered phone, masked in the answer, single use, frozen after 5 wrong.</summary>
public sealed class OtpTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Otp_is_sent_masked_and_authenticates_once_under_its_transaction_id()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        var transactionId = IdaCalls.NewTransactionId();

        var sent = await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId, "PHONE", "EMAIL"));
        var otp = fixture.LastOtpSentTo(phone);
        var auth = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = otp }, transactionId);

        Assert.Null(sent.ErrorCode);
        Assert.True(sent.SignatureVerifies(fixture.IdaSigningCertificate));
        var masked = sent.Json.GetProperty("response");
        Assert.Equal(new string('X', phone.Length - 4) + phone[^3..], masked.GetProperty("maskedMobile").GetString());
        Assert.Equal("amXXXXXXXXlo@example.org", masked.GetProperty("maskedEmail").GetString());
        Assert.DoesNotContain(otp, System.Text.Encoding.UTF8.GetString(sent.Bytes), StringComparison.Ordinal);
        Assert.True(auth.AuthStatus, auth.ErrorMessage);
    }

    [Fact]
    public async Task Otp_under_another_transaction_id_or_never_requested_is_refused()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        var fresh = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var transactionId = IdaCalls.NewTransactionId();
        await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId));
        var otp = fixture.LastOtpSentTo(phone);

        var mismatch = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = otp });
        var never = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = fresh, Otp = "123456" });

        Assert.Equal("IDA-OTA-005", mismatch.ErrorCode);
        Assert.Equal("IDA-OTA-012", never.ErrorCode);
    }

    [Fact]
    public async Task Five_wrong_otps_freeze_otp_authentication_even_for_the_right_one()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        var codes = new List<string?>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var transactionId = IdaCalls.NewTransactionId();
            await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId));
            var right = fixture.LastOtpSentTo(phone);
            var wrong = right == "000000" ? "111111" : "000000";
            codes.Add((await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = wrong }, transactionId)).ErrorCode);
        }
        var lastTransaction = IdaCalls.NewTransactionId();
        var afterFreeze = await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, lastTransaction));

        Assert.Equal(["IDA-OTA-004", "IDA-OTA-004", "IDA-OTA-004", "IDA-OTA-004", "IDA-OTA-013"], codes);
        Assert.Equal("IDA-OTA-013", afterFreeze.ErrorCode);
    }

    [Fact]
    public async Task Wrong_otps_sent_in_parallel_cannot_pass_the_limit_and_freeze_the_resident()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        // One OTP request per guess (a transaction id is accepted once), and one more for the right OTP afterwards;
        // 20 in all, the most recent OTP requests an authentication is matched against.
        var sent = new List<(string TransactionId, string Otp)>();
        for (var i = 0; i < 20; i++)
        {
            var transactionId = IdaCalls.NewTransactionId();
            await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId));
            sent.Add((transactionId, fixture.LastOtpSentTo(phone)));
        }

        var guesses = sent.Take(19).Select(s => IdaCalls.AuthAsync(
            Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = s.Otp == "000000" ? "111111" : "000000" }, s.TransactionId));
        var codes = (await Task.WhenAll(guesses)).Select(a => a.ErrorCode).ToList();
        var (lastTransaction, rightOtp) = sent[^1];
        var right = await IdaCalls.AuthAsync(Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = rightOtp }, lastTransaction);

        // With a limit of 5 at most 4 guesses can be told "invalid"; every other one is refused as frozen.
        Assert.All(codes, c => Assert.Contains(c, new[] { "IDA-OTA-004", "IDA-OTA-013" }));
        Assert.InRange(codes.Count(c => c == "IDA-OTA-004"), 0, 4);
        Assert.Equal("IDA-OTA-013", right.ErrorCode);
    }

    [Fact]
    public async Task Otp_requests_need_the_policy_a_channel_and_a_registered_address()
    {
        var uin = await fixture.CreateResidentAsync(new { identity = new { fullName = new[] { new { language = "eng", value = "No Phone" } } } });

        var forbidden = await IdaCalls.SendAsync(Client, fixture.DemoOnly, "otp", IdaCalls.OtpBody(uin, IdaCalls.NewTransactionId()));
        var noChannel = await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaRequestBuilder.OtpBody(uin, "UIN", [], IdaCalls.NewTransactionId(), DateTimeOffset.UtcNow));
        var notRegistered = await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, IdaCalls.NewTransactionId()));
        var unknown = await IdaCalls.SendAsync(Client, fixture.Full, "otp", IdaCalls.OtpBody("2345678901", IdaCalls.NewTransactionId()));

        Assert.Equal("IDA-MPA-005", forbidden.ErrorCode);
        Assert.Equal("IDA-OTA-008", noChannel.ErrorCode);
        Assert.Equal("IDA-MLC-014", notRegistered.ErrorCode);
        Assert.Equal("IDA-MLC-018", unknown.ErrorCode);
    }
}

/// <summary>A host with short OTP limits: 3 OTP requests a minute per individual, OTPs valid 1 second.</summary>
public sealed class OtpLimitFixture : IdaFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Civitas:Authentication:OtpRequestsPerMinute"] = "3",
        ["Civitas:Kernel:Otp:ExpirySeconds"] = "1",
    };
}

public sealed class OtpLimitTests(OtpLimitFixture fixture) : IClassFixture<OtpLimitFixture>
{
    [Fact]
    public async Task Flooding_is_refused_after_the_configured_number_per_minute()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var codes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, IdaCalls.NewTransactionId()))).ErrorCode);
        }

        Assert.Equal([null, null, null, "IDA-OTA-001"], codes);
    }

    [Fact]
    public async Task A_parallel_burst_of_otp_requests_cannot_pass_the_flooding_limit()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var burst = Enumerable.Range(0, 10).Select(_ => IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, IdaCalls.NewTransactionId())));
        var codes = (await Task.WhenAll(burst)).Select(a => a.ErrorCode).ToList();

        Assert.InRange(codes.Count(c => c is null), 0, 3);
        Assert.All(codes.Where(c => c is not null), c => Assert.Equal("IDA-OTA-001", c));
    }

    [Fact]
    public async Task An_expired_otp_is_refused_as_expired()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        var transactionId = IdaCalls.NewTransactionId();
        await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, transactionId));
        var otp = fixture.LastOtpSentTo(phone);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var answer = await IdaCalls.AuthAsync(fixture.Host.Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, Otp = otp }, transactionId);

        Assert.Equal("IDA-OTA-003", answer.ErrorCode);
    }

    [Fact]
    public async Task The_sweep_deletes_otp_requests_past_their_retention_and_keeps_newer_ones()
    {
        var now = DateTime.UtcNow;
        var old = NewRequestRow(now.AddHours(-25));
        var recent = NewRequestRow(now.AddHours(-23));
        var contexts = fixture.Host.Services.GetRequiredService<IDbContextFactory<AuthenticationDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.OtpRequests.AddRange(old, recent);
            await db.SaveChangesAsync();
        }

        await fixture.Host.Services.GetRequiredService<AuthTransactionStore>().SweepAsync(CancellationToken.None);

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var left = await db.OtpRequests.Where(r => r.Id == old.Id || r.Id == recent.Id).Select(r => r.Id).ToListAsync();
            Assert.Equal([recent.Id], left);
        }
    }

    private static OtpRequestRow NewRequestRow(DateTime createdAtUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        IndividualHash = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        PartnerId = "sweep-test",
        TransactionId = "1234567890",
        CreatedAtUtc = createdAtUtc,
    };
}
