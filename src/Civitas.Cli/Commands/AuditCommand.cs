using System.CommandLine;
using Civitas.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas audit verify</c>: recomputes the audit hash chain; exit 0 when intact, 1 naming the first broken
/// entry, 2 when the configuration or database cannot be used.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit log's hash chain and report the first entry where it breaks.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        verify.SetAction((result, cancellationToken) => CliHost.RunAsync(result.UnmatchedTokens, VerifyAsync, cancellationToken));

        var audit = new Command("audit", "Audit log commands.");
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<IAuditChainVerifier>().VerifyAsync(cancellationToken);
        if (outcome.IsIntact)
        {
            await Console.Out.WriteLineAsync($"Audit chain intact: {outcome.EntriesChecked} entries verified.");
            return 0;
        }

        await Console.Out.WriteLineAsync(
            $"Audit chain BROKEN at entry {outcome.FirstBrokenSequence}: {outcome.Problem} ({outcome.EntriesChecked} entries before it verified).");
        return 1;
    }
}
