using Civitas.Kernel.Otp;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Tests;

/// <summary>
/// Expiry, freeze and unfreeze through the library interface on the host's real database, with a clock the test
/// moves (the host's own clock is the system's). Settings are MOSIP's defaults: 180 s, 10 attempts, 1800 s.
/// </summary>
public sealed class OtpTimeTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_otp_is_valid_until_its_expiry_and_expired_after()
    {
        var otps = Service();
        var key = OtpRouteTests.NewKey();
        var generated = await otps.GenerateAsync(key);
        _clock.Advance(TimeSpan.FromSeconds(179));
        Assert.Equal(OtpValidationResult.Invalid, await otps.ValidateAsync(key, OtpRouteTests.Wrong(generated.Otp!)));
        Assert.Equal(OtpValidationResult.Valid, await otps.ValidateAsync(key, generated.Otp!));

        var second = await otps.GenerateAsync(key);
        _clock.Advance(TimeSpan.FromSeconds(180));
        Assert.Equal(OtpValidationResult.Expired, await otps.ValidateAsync(key, second.Otp!));
    }

    [Fact]
    public async Task A_frozen_key_thaws_after_the_freeze_time_and_counts_afresh()
    {
        var otps = Service();
        var key = OtpRouteTests.NewKey();
        var otp = (await otps.GenerateAsync(key)).Otp!;
        for (var i = 0; i < 10; i++)
        {
            await otps.ValidateAsync(key, OtpRouteTests.Wrong(otp));
        }

        _clock.Advance(TimeSpan.FromSeconds(1799));
        Assert.Equal(OtpValidationResult.Blocked, await otps.ValidateAsync(key, otp));
        Assert.Equal(OtpGenerationStatus.Blocked, (await otps.GenerateAsync(key)).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await otps.GenerateAsync(key);
        Assert.Equal(OtpGenerationStatus.Generated, fresh.Status);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(OtpValidationResult.Invalid, await otps.ValidateAsync(key, OtpRouteTests.Wrong(fresh.Otp!)));
        }

        Assert.Equal(OtpValidationResult.Valid, await otps.ValidateAsync(key, fresh.Otp!));
    }

    [Fact]
    public async Task A_new_otp_does_not_reset_the_failure_count()
    {
        var otps = Service();
        var key = OtpRouteTests.NewKey();
        var first = (await otps.GenerateAsync(key)).Otp!;
        for (var i = 0; i < 9; i++)
        {
            await otps.ValidateAsync(key, OtpRouteTests.Wrong(first));
        }

        var second = (await otps.GenerateAsync(key)).Otp!;
        Assert.Equal(OtpValidationResult.Blocked, await otps.ValidateAsync(key, OtpRouteTests.Wrong(second)));
    }

    [Fact]
    public async Task Configured_length_expiry_and_threshold_are_honoured()
    {
        var otps = Service(new OtpSettings { Length = 8, ExpirySeconds = 30, AttemptThreshold = 3, FreezeSeconds = 60 });
        var key = OtpRouteTests.NewKey();
        var otp = (await otps.GenerateAsync(key)).Otp!;
        Assert.Matches("^[0-9]{8}$", otp);
        Assert.Equal(OtpValidationResult.Invalid, await otps.ValidateAsync(key, OtpRouteTests.Wrong(otp)));
        Assert.Equal(OtpValidationResult.Invalid, await otps.ValidateAsync(key, OtpRouteTests.Wrong(otp)));
        Assert.Equal(OtpValidationResult.Blocked, await otps.ValidateAsync(key, OtpRouteTests.Wrong(otp)));
        _clock.Advance(TimeSpan.FromSeconds(60));
        var again = (await otps.GenerateAsync(key)).Otp!;
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(OtpValidationResult.Expired, await otps.ValidateAsync(key, again));
    }

    [Fact]
    public async Task Keys_outside_3_to_64_characters_are_refused_by_the_library()
    {
        var otps = Service();
        await Assert.ThrowsAsync<ArgumentException>(() => otps.GenerateAsync("ab"));
        await Assert.ThrowsAsync<ArgumentException>(() => otps.ValidateAsync(new string('k', 65), "123456"));
    }

    private OtpService Service(OtpSettings? settings = null)
    {
        var services = fixture.Host.Services;
        var options = Options.Create(new KernelOptions { Otp = settings ?? new OtpSettings() });
        return new OtpService(
            services.GetRequiredService<KernelStore>(),
            new OtpHasher(services.GetRequiredService<OtpHmacKey>()),
            options,
            _clock);
    }
}
