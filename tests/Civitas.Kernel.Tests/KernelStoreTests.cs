using System.Data.Common;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>
/// The hot-path store: on SQLite statements that queue up together share one transaction, so a statement that
/// fails must fail alone, and every other one must be committed when its caller is answered.
/// </summary>
public sealed class KernelStoreTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private static readonly KernelStatement Advance = new("""
        INSERT INTO kernel_rid_sequence (center_id, machine_id, sequence) VALUES (@c, @m, 1)
        ON CONFLICT (center_id, machine_id) DO UPDATE SET sequence = kernel_rid_sequence.sequence + 1
        """, "@c", "@m");

    // Violates NOT NULL when the row is new (a runtime failure, not a syntax error).
    private static readonly KernelStatement Broken = new(
        "INSERT INTO kernel_rid_sequence (center_id, machine_id, sequence) VALUES (@c, @m, NULL)", "@c", "@m");

    private static readonly KernelStatement Read = new(
        "SELECT sequence FROM kernel_rid_sequence WHERE center_id = @c AND machine_id = @m", "@c", "@m");

    [Fact]
    public async Task A_failing_statement_fails_alone_and_its_neighbours_are_committed()
    {
        var store = fixture.Host.Services.GetRequiredService<KernelStore>();
        var machine = Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                await store.ExecuteAsync(i % 10 == 0 ? Broken : Advance, ["88888", machine + "-" + (i % 10 == 0 ? i : 0)], CancellationToken.None);
                return "ok";
            }
            catch (DbException)
            {
                return "failed";
            }
        }));

        Assert.Equal(30, outcomes.Count(o => o == "failed"));
        Assert.Equal(270, outcomes.Count(o => o == "ok"));
        var sequence = await store.QuerySingleAsync(Read, ["88888", machine + "-0"], reader => reader.GetInt32(0), -1, CancellationToken.None);
        Assert.Equal(270, sequence);
    }
}
