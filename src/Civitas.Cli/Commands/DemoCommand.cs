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
    /// <summary>Records per transaction: large enough to amortise the commit, small enough to show progress.</summary>
    private const int BatchSize = 500;

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many residents to create.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed gives the same people.", DefaultValueFactory = _ => 1 };
        var withoutPins = new Option<bool>("--without-pins")
        {
            Description = "Give the residents no static PIN: the PIN KDF is deliberately slow, so large benchmark populations skip it.",
        };
        var seedCommand = new Command("seed", "Create synthetic residents for trials and benchmarks.") { TreatUnmatchedTokensAsErrors = false };
        seedCommand.Options.Add(count);
        seedCommand.Options.Add(seed);
        seedCommand.Options.Add(withoutPins);
        seedCommand.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            (services, ct) => SeedAsync(result.GetValue(count), result.GetValue(seed), result.GetValue(withoutPins), services, ct),
            cancellationToken));

        var demo = new Command("demo", "Demonstration data.");
        demo.Subcommands.Add(seedCommand);
        return demo;
    }

    private static async Task<int> SeedAsync(int count, int seed, bool withoutPins, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync("civitas: --count must be between 1 and 1000000.");
            return CliHost.ConfigurationError;
        }

        var importer = services.GetRequiredService<IIdentityImport>();
        var csv = new StringBuilder("uin,name,staticPin,phone,email\n");
        for (var first = 0; first < count; first += BatchSize)
        {
            var people = Enumerable.Range(first, Math.Min(BatchSize, count - first)).Select(index => SyntheticResidents.Create(seed, index)).ToList();
            var items = people.Select(person => new ImportItem(null, person.Data, withoutPins ? null : person.StaticPin)).ToList();
            var outcomes = await importer.ImportAsync(items, cancellationToken);
            for (var offset = 0; offset < outcomes.Count; offset++)
            {
                var (data, pin) = people[offset];
                if (!outcomes[offset].Succeeded)
                {
                    await Console.Error.WriteLineAsync($"civitas: resident {first + offset} was refused: {outcomes[offset].Conflict}");
                    return 1;
                }

                csv.Append(CultureInfo.InvariantCulture, $"{outcomes[offset].Uin},{data.FullName[0].Value},{(withoutPins ? "" : pin)},{data.Phone},{data.Email}\n");
            }

            if (count > BatchSize)
            {
                await Console.Out.WriteLineAsync($"{first + outcomes.Count} of {count}");
            }
        }

        var path = Path.Combine(services.GetRequiredService<IOptions<CivitasOptions>>().Value.DataDirectoryFullPath, "demo-residents.csv");
        SecretFile.WriteAllText(path, csv.ToString());
        await Console.Out.WriteLineAsync($"Created {count} residents; their UINs and static PINs are in {path}.");
        return 0;
    }
}
