using Civitas.Audit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Audit.Tests;

/// <summary>
/// The hash chain notices an edited, deleted, reordered or truncated log, both through <see cref="IAuditChainVerifier"/>
/// and the <c>civitas audit verify</c> command. Each test tampers with the shared log through SQL and then repairs it.
/// </summary>
public sealed class AuditChainTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    private const int Entries = 40;

    [Fact]
    public async Task An_untouched_log_verifies_and_the_command_exits_zero()
    {
        await EnsureEntriesAsync();

        var result = await Verifier.VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(Entries, result.EntriesChecked);

        var (exitCode, output) = await CivitasCli.RunAsync(fixture.Host, "audit", "verify");
        Assert.Equal(0, exitCode);
        Assert.Contains($"intact: {Entries} entries", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_by_number_and_the_command_fails()
    {
        await EnsureEntriesAsync();
        var original = (await FindAsync(13)).Description;

        await SqlAsync("UPDATE audit_entries SET description = 'nothing to see here' WHERE sequence = 13");
        var result = await Verifier.VerifyAsync();
        var (exitCode, output) = await CivitasCli.RunAsync(fixture.Host, "audit", "verify");
        await SqlAsync("UPDATE audit_entries SET description = {0} WHERE sequence = 13", original!);

        Assert.False(result.IsIntact);
        Assert.Equal(13, result.FirstBrokenSequence);
        Assert.Equal(12, result.EntriesChecked);
        Assert.Equal(1, exitCode);
        Assert.Contains("BROKEN at entry 13", output, StringComparison.Ordinal);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task An_edited_time_is_noticed_too()
    {
        await EnsureEntriesAsync();
        var original = await FindAsync(3);

        await using (var context = Context())
        {
            var entry = await context.Entries.SingleAsync(e => e.Sequence == 3);
            entry.ActionTime = entry.ActionTime.AddSeconds(1);
            await context.SaveChangesAsync();
        }

        var result = await Verifier.VerifyAsync();
        await using (var context = Context())
        {
            var entry = await context.Entries.SingleAsync(e => e.Sequence == 3);
            entry.ActionTime = original.ActionTime;
            await context.SaveChangesAsync();
        }

        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain_at_the_entry_after_it()
    {
        await EnsureEntriesAsync();
        var removed = await FindAsync(20);

        await SqlAsync("DELETE FROM audit_entries WHERE sequence = 20");
        var result = await Verifier.VerifyAsync();
        await RestoreAsync(removed);

        Assert.False(result.IsIntact);
        Assert.Equal(21, result.FirstBrokenSequence);
        Assert.Contains("entry 20 is missing", result.Problem, StringComparison.Ordinal);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Two_swapped_entries_are_noticed_at_the_first_of_them()
    {
        await EnsureEntriesAsync();

        await SwapAsync(7, 8);
        var result = await Verifier.VerifyAsync();
        await SwapAsync(7, 8);

        Assert.False(result.IsIntact);
        Assert.Equal(7, result.FirstBrokenSequence);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Entries_cut_off_the_end_are_noticed()
    {
        await EnsureEntriesAsync();
        var last = await FindAsync(Entries);

        await SqlAsync("DELETE FROM audit_entries WHERE sequence = {0}", Entries);
        var result = await Verifier.VerifyAsync();
        var (exitCode, _) = await CivitasCli.RunAsync(fixture.Host, "audit", "verify");
        await RestoreAsync(last);

        Assert.False(result.IsIntact);
        Assert.Equal(Entries, result.FirstBrokenSequence);
        Assert.Equal(1, exitCode);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    private IAuditChainVerifier Verifier => fixture.Host.Services.GetRequiredService<IAuditChainVerifier>();

    private AuditDbContext Context() => fixture.Host.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();

    private async Task EnsureEntriesAsync()
    {
        await using var context = Context();
        if (await context.Entries.AnyAsync())
        {
            return;
        }

        var log = fixture.Host.Services.GetRequiredService<IAuditLog>();
        for (var n = 1; n <= Entries; n++)
        {
            await log.WriteAsync(AuditSamples.Event(n));
        }

        await log.FlushAsync();
    }

    private async Task<AuditEntryEntity> FindAsync(long sequence)
    {
        await using var context = Context();
        return await context.Entries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
    }

    private async Task RestoreAsync(AuditEntryEntity entry)
    {
        await using var context = Context();
        context.Entries.Add(entry);
        await context.SaveChangesAsync();
    }

    private async Task SwapAsync(long a, long b)
    {
        await SqlAsync("UPDATE audit_entries SET sequence = -1 WHERE sequence = {0}", a);
        await SqlAsync("UPDATE audit_entries SET sequence = {0} WHERE sequence = {1}", a, b);
        await SqlAsync("UPDATE audit_entries SET sequence = {0} WHERE sequence = -1", b);
    }

    private async Task SqlAsync(string sql, params object[] parameters)
    {
        await using var context = Context();
        await context.Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
