using Civitas.Testing;

namespace Civitas.Authentication.Client.Tests;

/// <summary>The real <c>civitas auth</c> binary against the real server, as a relying party's operator runs it.</summary>
public sealed class AuthCliTests(IdaServerFixture server) : IClassFixture<IdaServerFixture>
{
    [Fact]
    public async Task Demo_with_the_right_name_exits_0_and_prints_status_and_token_but_no_secret()
    {
        var (exitCode, output, error) = await AuthAsync("demo", "--uin", server.Uin, "--name", IdaServerFixture.ResidentName, "--dob", IdaServerFixture.ResidentDob);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("authStatus true", output, StringComparison.Ordinal);
        Assert.Matches("authToken [0-9]{36}", output);
        Assert.Contains("response-signature valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Profile.ApiKey, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_file_other_users_can_read_is_warned_about()
    {
        var sharedKey = Path.Combine(server.Folder, "shared-key.pem");
        File.Copy(server.PartnerKeyPath, sharedKey, overwrite: true);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(sharedKey, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, output, error) = await CivitasCli.RunAsync("auth", "pin", "--partner", server.PartnerJsonPath, "--key", sharedKey, "--uin", server.Uin, "--pin", IdaServerFixture.ResidentPin);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("shared-key.pem can be read by other users", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_a_wrong_name_exits_1_with_IDA_DEA_001()
    {
        var (exitCode, output, error) = await AuthAsync("demo", "--uin", server.Uin, "--name", "Somebody Else");

        Assert.True(exitCode == 1, output + error);
        Assert.Contains("IDA-DEA-001", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_and_kyc_print_only_what_was_asked_and_never_the_pin()
    {
        var pin = await AuthAsync("pin", "--uin", server.Uin, "--pin", IdaServerFixture.ResidentPin);
        var kyc = await AuthAsync("kyc", "--uin", server.Uin, "--pin", IdaServerFixture.ResidentPin, "--attributes", "fullName,email");

        Assert.True(pin.ExitCode == 0, pin.Output + pin.Error);
        Assert.True(kyc.ExitCode == 0, kyc.Output + kyc.Error);
        Assert.Contains("kycStatus true", kyc.Output, StringComparison.Ordinal);
        Assert.Contains(IdaServerFixture.ResidentEmail, kyc.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(IdaServerFixture.ResidentDob, kyc.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(IdaServerFixture.ResidentPin, pin.Output + pin.Error + kyc.Output + kyc.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otp_request_exits_0_and_otp_verify_with_a_wrong_code_exits_1()
    {
        var transactionId = IdaRequestBuilder.NewTransactionId();

        var sent = await AuthAsync("otp", "--uin", server.Uin, "--channel", "EMAIL", "--txn", transactionId);
        var verify = await AuthAsync("otp-verify", "--uin", server.Uin, "--otp", "000000", "--txn", transactionId);

        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);
        Assert.Contains($"transactionID {transactionId}", sent.Output, StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("IDA-OTA-004", verify.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo", "--uin", "UIN")] // no factor
    [InlineData("otp-verify", "--uin", "UIN", "--otp", "123456")] // no --txn
    [InlineData("pin", "--pin", "1234")] // no --uin
    [InlineData("demo", "--uin", "UIN", "--name", "A", "--dob", "17-04-1990")]
    [InlineData("otp", "--uin", "UIN", "--channel", "PIGEON")]
    [InlineData("demo", "--uin", "UIN", "--name", "A", "--unknown", "x")]
    public async Task Usage_errors_exit_2_before_any_request(params string[] arguments)
    {
        var (exitCode, _, error) = await AuthAsync([.. arguments.Select(a => a == "UIN" ? server.Uin : a)]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("civitas auth:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_partner_certificate_exits_2_naming_the_file()
    {
        var wrongKey = Path.Combine(server.Folder, "other-key.pem");
        await File.WriteAllTextAsync(wrongKey, TestKeys.PrivateKeyPem(TestKeys.Ida));

        var (exitCode, _, error) = await CivitasCli.RunAsync("auth", "pin", "--partner", server.PartnerJsonPath, "--key", wrongKey, "--uin", server.Uin, "--pin", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("other-key.pem: this private key does not belong to the partner certificate", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> AuthAsync(params string[] arguments) =>
        CivitasCli.RunAsync(["auth", arguments[0], "--partner", server.PartnerJsonPath, "--key", server.PartnerKeyPath, .. arguments[1..]]);
}
