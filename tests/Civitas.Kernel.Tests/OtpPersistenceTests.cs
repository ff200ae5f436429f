using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Kernel.Tests;

/// <summary>Freeze and pending OTPs survive a restart (state is in the database, the HMAC key in the data directory).</summary>
public sealed class OtpPersistenceTests
{
    [Fact]
    public async Task A_freeze_and_a_pending_otp_survive_a_restart()
    {
        await using var host = await CivitasTestHost.StartAsync();
        var frozenKey = OtpRouteTests.NewKey();
        var pendingKey = OtpRouteTests.NewKey();
        string pendingOtp;
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel))
        {
            var otp = (await client.PostAsync("/v1/otpmanager/otp/generate", new { key = frozenKey })).Ok().Str("otp");
            for (var i = 0; i < 10; i++)
            {
                await client.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={frozenKey}&otp={OtpRouteTests.Wrong(otp)}");
            }

            pendingOtp = (await client.PostAsync("/v1/otpmanager/otp/generate", new { key = pendingKey })).Ok().Str("otp");
        }

        await host.RestartAsync();

        using var after = await host.CreateServiceClientAsync(CivitasScopes.Kernel);
        var generate = (await after.PostAsync("/v1/otpmanager/otp/generate", new { key = frozenKey })).Ok();
        Assert.Equal("USER_BLOCKED", generate.Str("status"));
        var pending = await after.GetEnvelopeAsync($"/v1/otpmanager/otp/validate?key={pendingKey}&otp={pendingOtp}");
        Assert.Equal("VALIDATION_SUCCESSFUL", pending.Ok().Str("message"));
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "kernel-otp-hmac.key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(host.DataDirectory, "kernel-otp-hmac.key")));
        }
    }
}
