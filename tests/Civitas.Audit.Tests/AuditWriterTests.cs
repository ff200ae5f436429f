using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Audit.Persistence;
using Civitas.Common.Security;
using Civitas.Host;
using Civitas.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Audit.Tests;

/// <summary>The library writer: nothing lost on a clean shutdown, one chain with two hosts, storage failures surfaced.</summary>
public sealed class AuditWriterTests
{
    [Fact]
    public async Task Events_queued_before_a_clean_shutdown_are_all_stored()
    {
        await using var host = await CivitasTestHost.StartAsync();
        var log = host.Services.GetRequiredService<IAuditLog>();
        for (var n = 1; n <= 5000; n++)
        {
            await log.WriteAsync(AuditSamples.Event(n));
        }

        // No flush: stopping the host must drain the queue.
        await host.RestartAsync();

        Assert.Equal(5000, await CountAsync(host.Services));
        var result = await host.Services.GetRequiredService<IAuditChainVerifier>().VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(5000, result.EntriesChecked);
    }

    [Fact]
    public async Task Invalid_library_events_are_refused_at_the_call_not_queued()
    {
        await using var host = await CivitasTestHost.StartAsync();
        var log = host.Services.GetRequiredService<IAuditLog>();

        await Assert.ThrowsAsync<ArgumentException>(async () => await log.WriteAsync(AuditSamples.Event(1) with { HostIp = "not an ip" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await log.WriteAsync(AuditSamples.Event(2) with { EventId = "" }));
        await log.WriteAsync(AuditSamples.Event(3));
        await log.FlushAsync();

        Assert.Equal(1, await CountAsync(host.Services));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_append_to_one_unbroken_chain()
    {
        await using var first = await CivitasTestHost.StartAsync();
        var secondDataDirectory = Path.Combine(Path.GetTempPath(), "civitas-test-" + Guid.NewGuid().ToString("N")[..12]);
        var connection = first.Database.IsPostgres
            ? first.Database.ConnectionString
            : $"Data Source={Path.Combine(first.DataDirectory, "civitas.db")};Pooling=True";
        var second = CivitasApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Civitas:DataDirectory={secondDataDirectory}",
            $"--ConnectionStrings:Civitas={connection}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await CivitasApplication.PrepareAsync(second);
            await second.StartAsync();

            var logs = new[] { first.Services.GetRequiredService<IAuditLog>(), second.Services.GetRequiredService<IAuditLog>() };
            await Task.WhenAll(logs.Select((log, index) => Task.Run(async () =>
            {
                for (var n = 0; n < 3000; n++)
                {
                    await log.WriteAsync(AuditSamples.Event(n, eventType: "host-" + index));
                    if (n % 500 == 0)
                    {
                        // Small durable writes between the bulk ones make the hosts take turns on the chain head.
                        await log.FlushAsync();
                    }
                }

                await log.FlushAsync();
            })));

            Assert.Equal(6000, await CountAsync(first.Services));
            var result = await first.Services.GetRequiredService<IAuditChainVerifier>().VerifyAsync();
            Assert.True(result.IsIntact, result.Problem);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
            Directory.Delete(secondDataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_storage_failure_is_KER_AUD_500_and_stores_nothing_of_that_request()
    {
        await using var host = await CivitasTestHost.StartAsync();
        using var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel);
        var factory = host.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>();

        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries RENAME TO audit_entries_away");
        }

        using var failed = await client.PostAsJsonAsync(AuditSamples.Route, new { id = "mosip.kernel.audit", version = "1.0", request = AuditSamples.Request(id: "lost") });

        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries_away RENAME TO audit_entries");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var body = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KER-AUD-500", AuditSamples.ErrorCode(body));
        Assert.Equal("Internal server error", AuditSamples.ErrorMessage(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);

        var ok = await AuditSamples.PostAsync(client, AuditSamples.Request(id: "kept"));
        Assert.Null(AuditSamples.ErrorCode(ok));
        await using (var context = await factory.CreateDbContextAsync())
        {
            Assert.Equal(["kept"], await context.Entries.Select(e => e.ReferenceId).ToListAsync());
        }

        Assert.True((await host.Services.GetRequiredService<IAuditChainVerifier>().VerifyAsync()).IsIntact);
    }

    private static async Task<int> CountAsync(IServiceProvider services)
    {
        await using var context = await services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync();
        return await context.Entries.CountAsync();
    }
}
