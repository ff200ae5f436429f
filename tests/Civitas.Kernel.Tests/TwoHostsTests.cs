using System.Collections.Concurrent;
using System.Security.Cryptography;
using Civitas.Host;
using Civitas.Kernel.Ids;
using Civitas.Kernel.Otp;
using Civitas.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>
/// Two hosts on one database (PostgreSQL in the PostgreSQL leg; one SQLite file otherwise), each with its own
/// data directory, connection pools and in-process writer: what one host claims or counts, the other must see.
/// </summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private static readonly string SharedOtpKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _secondDataDirectory = Path.Combine(Path.GetTempPath(), "civitas-test-" + Guid.NewGuid().ToString("N")[..12]);
    private CivitasTestHost _first = null!;
    private WebApplication _second = null!;

    private static Dictionary<string, string?> Settings => new()
    {
        ["Civitas:Kernel:Uin:UinsToGenerate"] = "1000",
        ["Civitas:Kernel:Uin:MinUnusedThreshold"] = "200",
        ["Civitas:Kernel:Otp:HmacKey"] = SharedOtpKey,
    };

    public async Task InitializeAsync()
    {
        _first = await CivitasTestHost.StartAsync(Settings);
        var database = _first.Database.IsPostgres
            ? _first.Database.ConnectionString
            : $"Data Source={Path.Combine(_first.DataDirectory, "civitas.db")};Pooling=True";
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Civitas:DataDirectory={_secondDataDirectory}",
            $"--ConnectionStrings:Civitas={database}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(Settings.Select(setting => $"--{setting.Key}={setting.Value}"));
        _second = CivitasApplication.Build([.. args]);
        await CivitasApplication.PrepareAsync(_second);
        await _second.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.StopAsync();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        try
        {
            Directory.Delete(_secondDataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Parallel_allocations_on_two_hosts_never_hand_out_the_same_uin()
    {
        // 2,500 claims against pools of 1,000 that refill below 200: both hosts drain and refill on the way.
        var hosts = new[] { _first.Services.GetRequiredService<IUinAllocator>(), _second.Services.GetRequiredService<IUinAllocator>() };
        var uins = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, 2_500, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            uins.Add(await hosts[i % 2].AllocateAsync()));

        Assert.Equal(2_500, uins.Distinct().Count());
    }

    [Fact]
    public async Task A_uin_handed_out_by_one_host_is_issued_on_the_other()
    {
        var uin = await _first.Services.GetRequiredService<IUinAllocator>().AllocateAsync();
        var other = _second.Services.GetRequiredService<IUinAllocator>();
        Assert.Equal(UinStatusChange.Updated, await other.UpdateStatusAsync(uin, "ASSIGNED"));
        Assert.Equal(UinStatusChange.NotIssued, await _first.Services.GetRequiredService<IUinAllocator>().UpdateStatusAsync(uin, "UNASSIGNED"));
    }

    [Fact]
    public async Task Parallel_wrong_otps_on_two_hosts_stop_at_the_threshold()
    {
        var hosts = new[] { _first.Services.GetRequiredService<IOtpService>(), _second.Services.GetRequiredService<IOtpService>() };
        var key = OtpRouteTests.NewKey();
        var otp = (await hosts[0].GenerateAsync(key)).Otp!;
        var wrong = OtpRouteTests.Wrong(otp);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => hosts[i % 2].ValidateAsync(key, wrong)));

        // MOSIP's default threshold of ten: nine plain failures, the tenth freezes, everything after is refused.
        Assert.Equal(9, answers.Count(a => a == OtpValidationResult.Invalid));
        Assert.Equal(31, answers.Count(a => a == OtpValidationResult.Blocked));
        Assert.Equal(OtpValidationResult.Blocked, await hosts[1].ValidateAsync(key, otp));
        Assert.Equal(OtpGenerationStatus.Blocked, (await hosts[1].GenerateAsync(key)).Status);
    }

    [Fact]
    public async Task Parallel_calls_on_many_keys_each_get_their_own_answer()
    {
        // Gathered into shared statements on PostgreSQL: every key's answer must still be its own.
        var hosts = new[] { _first.Services.GetRequiredService<IOtpService>(), _second.Services.GetRequiredService<IOtpService>() };
        var keys = Enumerable.Range(0, 200).Select(_ => OtpRouteTests.NewKey()).ToArray();
        var otps = await Task.WhenAll(keys.Select((key, i) => hosts[i % 2].GenerateAsync(key)));
        Assert.All(otps, generation => Assert.Equal(OtpGenerationStatus.Generated, generation.Status));

        // Even keys offer their OTP, odd ones a wrong one, every third key twice at once.
        var calls = keys.Select((key, i) => (i, offered: i % 2 == 0 ? otps[i].Otp! : OtpRouteTests.Wrong(otps[i].Otp!)))
            .SelectMany(call => call.i % 3 == 0 ? new[] { call, call } : [call]).ToArray();
        var answers = await Task.WhenAll(calls.Select((call, n) => hosts[n % 2].ValidateAsync(keys[call.i], call.offered)));

        for (var i = 0; i < keys.Length; i++)
        {
            var mine = answers.Where((_, n) => calls[n].i == i).Order().ToArray();
            var expected = (i % 2, i % 3) switch
            {
                (0, 0) => new[] { OtpValidationResult.Valid, OtpValidationResult.NotFound },
                (0, _) => [OtpValidationResult.Valid],
                (_, 0) => [OtpValidationResult.Invalid, OtpValidationResult.Invalid],
                _ => [OtpValidationResult.Invalid],
            };
            Assert.Equal(expected.Order(), mine);
        }
    }

    [Fact]
    public async Task Parallel_right_otps_on_two_hosts_succeed_once()
    {
        var hosts = new[] { _first.Services.GetRequiredService<IOtpService>(), _second.Services.GetRequiredService<IOtpService>() };
        var key = OtpRouteTests.NewKey();
        var otp = (await hosts[1].GenerateAsync(key)).Otp!;
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => hosts[i % 2].ValidateAsync(key, otp)));

        Assert.Equal(1, answers.Count(a => a == OtpValidationResult.Valid));
        Assert.All(answers.Where(a => a != OtpValidationResult.Valid), a => Assert.Equal(OtpValidationResult.NotFound, a));
    }
}
