using System.CommandLine;
using System.Globalization;
using System.Text;
using Civitas.Common;
using Civitas.Common.Hosting;
using Civitas.Registry;
using Civitas.Registry.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas demo seed --count N</c>: creates N invented residents (English, French and Arabic names) so a
/// person can try the flows. Their UINs and static PINs go to <c>&lt;data-dir&gt;/demo-residents.csv</c>
/// (owner-only), never to the console.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many residents to create.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed gives the same people.", DefaultValueFactory = _ => 1 };
        var seedCommand = new Command("seed", "Create synthetic residents for trials and benchmarks.") { TreatUnmatchedTokensAsErrors = false };
        seedCommand.Options.Add(count);
        seedCommand.Options.Add(seed);
        seedCommand.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            (services, ct) => SeedAsync(result.GetValue(count), result.GetValue(seed), services, ct),
            cancellationToken));

        var demo = new Command("demo", "Demonstration data.");
        demo.Subcommands.Add(seedCommand);
        return demo;
    }

    private static async Task<int> SeedAsync(int count, int seed, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync("civitas: --count must be between 1 and 1000000.");
            return CliHost.ConfigurationError;
        }

        var importer = services.GetRequiredService<IIdentityImport>();
        var csv = new StringBuilder("uin,name,staticPin,phone,email\n");
        for (var index = 0; index < count; index++)
        {
            var (data, pin) = SyntheticResidents.Create(seed, index);
            var outcome = await importer.ImportAsync(null, data, pin, cancellationToken);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"civitas: resident {index} was refused: {outcome.Conflict}");
                return 1;
            }

            csv.Append(CultureInfo.InvariantCulture, $"{outcome.Uin},{data.FullName[0].Value},{pin},{data.Phone},{data.Email}\n");
        }

        var path = Path.Combine(services.GetRequiredService<IOptions<CivitasOptions>>().Value.DataDirectoryFullPath, "demo-residents.csv");
        SecretFile.WriteAllText(path, csv.ToString());
        await Console.Out.WriteLineAsync($"Created {count} residents; their UINs and static PINs are in {path}.");
        return 0;
    }
}
