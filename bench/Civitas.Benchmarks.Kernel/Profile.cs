using Civitas.Kernel.Otp;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Benchmarks.Kernel;

/// <summary>
/// Where the time of one kernel request goes: each part measured alone (CPU µs per op, whole process), so the
/// parts can be compared with the full operations of the <c>library</c> and <c>http</c> modes.
/// </summary>
internal static class Profile
{
    private static readonly KernelStatement SelectOne = new("SELECT 1");

    public static async Task RunAsync(BenchHost host, int concurrency, TimeSpan duration)
    {
        var services = host.App.Services;
        var hasher = services.GetRequiredService<OtpHasher>();
        var contexts = services.GetRequiredService<IDbContextFactory<KernelDbContext>>();

        Console.WriteLine(await Load.RunAsync("HMAC key + OTP hash", concurrency, duration, _ =>
        {
            Span<byte> keyHash = stackalloc byte[OtpHasher.HashBytes];
            Span<byte> otpHash = stackalloc byte[OtpHasher.HashBytes];
            hasher.HashKey("bench-key-000001", keyHash);
            hasher.HashOtp(keyHash, "123456", otpHash);
            return Task.FromResult(true);
        }));

        Console.WriteLine(await Load.RunAsync("EF context + open (no SQL)", concurrency, duration, async _ =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            return true;
        }));

        Console.WriteLine(await Load.RunAsync("EF context + SELECT 1", concurrency, duration, async _ =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            return true;
        }));

        var store = services.GetRequiredService<KernelStore>();
        Console.WriteLine(await Load.RunAsync("kernel store SELECT 1", concurrency, duration, async _ =>
            (await store.QueryAsync(SelectOne, [], reader => reader.GetInt32(0), CancellationToken.None)).Count == 1));

        using var client = host.CreateClient();
        Console.WriteLine(await Load.RunAsync("HTTP anonymous /health/live", concurrency, duration, async _ =>
        {
            using var response = await client.GetAsync("/health/live");
            return response.IsSuccessStatusCode;
        }));

        // Token check, scope policy, envelope and JSON answer; refused (KER-OTV-004) before any database work.
        Console.WriteLine(await Load.RunAsync("HTTP kernel route, no DB", concurrency, duration, async _ =>
        {
            using var response = await client.GetAsync("/v1/otpmanager/otp/validate?key=bench-key&otp=abc");
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }));
    }
}
