using System.Collections.Concurrent;
using Civitas.Kernel.Ids;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>The UIN pool over HTTP: many parallel allocations, the status updates and their errors.</summary>
public sealed class UinTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Parallel_allocations_on_both_paths_are_distinct_and_pass_an_independent_check()
    {
        // The fixture's pool holds 2,000 and refills below 500: 3,000 claims drain it and refill it on the way.
        var uins = new ConcurrentBag<string>();
        var paths = new[] { "/v1/idgenerator/uin", "/v1/uingenerator/uin" };
        await Parallel.ForAsync(0, 3_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            uins.Add((await Client.GetEnvelopeAsync(paths[i % 2])).Ok().Str("uin")));

        Assert.Equal(3_000, uins.Distinct().Count());
        AssertIndependentlyValid(uins);
        var validator = fixture.Host.Services.GetRequiredService<IIdValidator>();
        Assert.All(uins, uin => Assert.True(validator.IsValidUin(uin)));
    }

    [Fact]
    public async Task Ten_thousand_generated_uins_pass_an_independent_check()
    {
        // Everything the pool generator produced, issued or not: fill until at least 10,000 exist.
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var pool = fixture.Host.Services.GetRequiredService<UinPool>();
        while (await db.Uins.CountAsync() < 10_000)
        {
            await pool.AddAsync(2_000, CancellationToken.None);
        }

        var all = await db.Uins.AsNoTracking().Select(u => u.Uin).ToListAsync();
        Assert.True(all.Count >= 10_000);
        AssertIndependentlyValid(all);
    }

    private static void AssertIndependentlyValid(IEnumerable<string> uins)
    {
        var broken = uins
            .Select(uin => (uin, problem: IndependentIdCheck.VerhoeffValid(uin) ? IndependentIdCheck.BrokenUinRule(uin) : "check digit"))
            .Where(x => x.problem is not null).Take(5).ToList();
        Assert.True(broken.Count == 0, string.Join(", ", broken));
    }

    [Fact]
    public async Task An_issued_uin_can_be_assigned_once_on_either_path()
    {
        var uin = (await Client.GetEnvelopeAsync("/v1/idgenerator/uin")).Ok().Str("uin");
        var assigned = (await Client.PutAsync("/v1/uingenerator/uin", new { uin, status = "ASSIGNED" })).Ok();
        Assert.Equal(uin, assigned.Str("uin"));
        Assert.Equal("ASSIGNED", assigned.Str("status"));

        var again = await Client.PutAsync("/v1/idgenerator/uin", new { uin, status = "UNASSIGNED" });
        again.AssertError("KER-UIG-004", "Given UIN is not in ISSUED status");
    }

    [Fact]
    public async Task An_issued_uin_can_be_unassigned()
    {
        var uin = (await Client.GetEnvelopeAsync("/v1/uingenerator/uin")).Ok().Str("uin");
        var body = (await Client.PutAsync("/v1/idgenerator/uin", new { uin, status = "UNASSIGNED" })).Ok();
        Assert.Equal("UNASSIGNED", body.Str("status"));
    }

    [Fact]
    public async Task A_pool_uin_never_issued_cannot_change_status()
    {
        await Client.GetEnvelopeAsync("/v1/idgenerator/uin");
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var unused = await db.Uins.Where(u => u.Status == UinStatus.Unused).Select(u => u.Uin).FirstAsync();

        var body = await Client.PutAsync("/v1/idgenerator/uin", new { uin = unused, status = "ASSIGNED" });
        body.AssertError("KER-UIG-004", "Given UIN is not in ISSUED status");
    }

    [Theory]
    [InlineData("2345678901", "ASSIGNED", "KER-UIG-001", "UIN could not be found")]
    [InlineData("", "ASSIGNED", "KER-UIG-001", "UIN could not be found")]
    [InlineData(null, "ASSIGNED", "KER-UIG-001", "UIN could not be found")]
    public async Task Unknown_or_missing_uin_is_KER_UIG_001(string? uin, string status, string code, string message)
    {
        var body = await Client.PutAsync("/v1/uingenerator/uin", new { uin, status });
        body.AssertError(code, message);
    }

    [Theory]
    [InlineData("ISSUED")]
    [InlineData("UNUSED")]
    [InlineData("DELETED")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_status_other_than_assigned_or_unassigned_is_KER_UIG_003(string? status)
    {
        var uin = (await Client.GetEnvelopeAsync("/v1/idgenerator/uin")).Ok().Str("uin");
        var body = await Client.PutAsync("/v1/idgenerator/uin", new { uin, status });
        body.AssertError("KER-UIG-003", "Given UIN status not found");
    }
}
