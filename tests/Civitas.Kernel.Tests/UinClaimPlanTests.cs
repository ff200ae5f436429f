using Civitas.Common.Persistence;
using Civitas.Kernel.Ids;
using Civitas.Kernel.Persistence;
using Civitas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>
/// The UIN claim must cost the same after many UINs were issued: with 50,000 issued (and their old row versions)
/// beside 50,000 unused, the database must plan the claim through the partial index of unused UINs, not a scan
/// of the table. (The earlier claim on PostgreSQL was planned as a sequential scan from the table's start here,
/// which after 20,000 issued UINs took longer than the 30 s command timeout.) Its own host: the rows added here
/// are placeholders, not valid UINs.
/// </summary>
public sealed class UinClaimPlanTests : IAsyncLifetime
{
    private const int Rows = 100_000;
    private CivitasTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CivitasTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Civitas:Kernel:Uin:UinsToGenerate"] = "100",
        ["Civitas:Kernel:Uin:MinUnusedThreshold"] = "10",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task With_half_the_pool_issued_the_claim_walks_the_unused_index_and_keeps_working()
    {
        var store = _host.Services.GetRequiredService<KernelStore>();
        var postgres = store.Provider == DatabaseProvider.PostgreSql;
        // Placeholders sort after every digit string ('X…'), all UNUSED; then every other one is issued, leaving
        // dead row versions behind on PostgreSQL, as real claims do.
        await store.ExecuteAsync(new(postgres
            ? $"INSERT INTO kernel_uin SELECT 'X' || lpad(g::text, 9, '0'), 'UNUSED', 0, 0 FROM generate_series(1, {Rows}) AS g"
            : $"""
               WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {Rows})
               INSERT INTO kernel_uin SELECT printf('X%09d', i), 'UNUSED', 0, 0 FROM g WHERE true
               """), [], CancellationToken.None);
        await store.ExecuteAsync(new(postgres
            ? "UPDATE kernel_uin SET status = 'ISSUED' WHERE uin LIKE 'X%' AND right(uin, 1) IN ('0', '2', '4', '6', '8')"
            : "UPDATE kernel_uin SET status = 'ISSUED' WHERE uin LIKE 'X%' AND substr(uin, -1) IN ('0', '2', '4', '6', '8')"),
            [], CancellationToken.None);
        await store.ExecuteAsync(new(postgres ? "ANALYZE kernel_uin" : "ANALYZE"), [], CancellationToken.None);

        var claim = UinAllocator.ClaimStatement(store.Provider);
        var plan = await store.QueryAsync(
            new(postgres ? "EXPLAIN " + claim.Sql : "EXPLAIN QUERY PLAN " + claim.Sql, [.. claim.Parameters]),
            [0L, "5000000000", 32],
            reader => reader.GetString(postgres ? 0 : 3),
            CancellationToken.None);
        var text = string.Join('\n', plan);

        Assert.Contains("ix_kernel_uin_unused", text, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres ? "Seq Scan" : "SCAN kernel_uin", text, StringComparison.Ordinal);

        // And claims still hand out distinct UINs, ISSUED before anyone sees them.
        var allocator = _host.Services.GetRequiredService<IUinAllocator>();
        var uins = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => allocator.AllocateAsync()));
        Assert.Equal(200, uins.Distinct().Count());
        Assert.DoesNotContain(uins, uin => uin.StartsWith('X') && "02468".Contains(uin[^1], StringComparison.Ordinal));
        var issued = await store.QuerySingleAsync(
            new("SELECT count(*) FROM kernel_uin WHERE status = 'ISSUED' AND uin IN (" + string.Join(", ", uins.Select(u => $"'{u}'")) + ")"),
            [], reader => reader.GetInt64(0), -1L, CancellationToken.None);
        Assert.Equal(200, issued);
    }
}
