using System.CommandLine;
using Civitas.Audit;
using Civitas.Common;
using Civitas.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        verify.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var app = CivitasApplication.Build([.. result.UnmatchedTokens]);
                await CivitasApplication.PrepareAsync(app, cancellationToken);
                var outcome = await app.Services.GetRequiredService<IAuditChainVerifier>().VerifyAsync(cancellationToken);
                if (outcome.IsIntact)
                {
                    await Console.Out.WriteLineAsync($"Audit chain intact: {outcome.EntriesChecked} entries verified.");
                    return 0;
                }

                await Console.Out.WriteLineAsync(
                    $"Audit chain BROKEN at entry {outcome.FirstBrokenSequence}: {outcome.Problem} ({outcome.EntriesChecked} entries before it verified).");
                return 1;
            }
            catch (Exception ex) when (ex is OptionsValidationException or CivitasConfigurationException)
            {
                await Console.Error.WriteLineAsync("Audit verification could not run: " + ex.Message);
                return 2;
            }
        });

        var audit = new Command("audit", "Audit log commands.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
