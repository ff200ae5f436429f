using System.CommandLine;
using System.Text.Json;
using Civitas.Registry;
using Civitas.Registry.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas registry import FILE</c>: creates identity records from a JSON-lines file, one
/// <c>{"uin"?, "identity": {...}, "staticPin"?}</c> per line (the body of <c>POST /v1/registry/identities</c>).
/// Bad lines are reported with their number and skipped; the exit code is 1 if any line failed.
/// </summary>
internal static class RegistryCommand
{
    /// <summary>Records per transaction (see <see cref="IIdentityImport"/>).</summary>
    private const int BatchSize = 500;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON-lines file of identities." };
        var import = new Command("import", "Create identity records from a JSON-lines file.") { TreatUnmatchedTokensAsErrors = false };
        import.Arguments.Add(file);
        import.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            (services, ct) => ImportAsync(result.GetValue(file)!, services.GetRequiredService<IIdentityImport>(), ct),
            cancellationToken));

        var registry = new Command("registry", "Identity registry commands.");
        registry.Subcommands.Add(import);
        return registry;
    }

    private static async Task<int> ImportAsync(FileInfo file, IIdentityImport importer, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"civitas: {file.FullName} does not exist.");
            return CliHost.ConfigurationError;
        }

        int imported = 0, failed = 0, lineNumber = 0;
        var batch = new List<(int Line, ImportItem Item)>(BatchSize);
        await foreach (var line in File.ReadLinesAsync(file.FullName, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CreateIdentityRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<CreateIdentityRequest>(line);
            }
            catch (JsonException ex)
            {
                failed++;
                await Console.Error.WriteLineAsync($"line {lineNumber}: not a JSON identity ({ex.Path ?? "body"})");
                continue;
            }

            batch.Add((lineNumber, new ImportItem(request?.Uin, request?.Identity, request?.StaticPin)));
            if (batch.Count == BatchSize)
            {
                (imported, failed) = Add((imported, failed), await ImportBatchAsync(batch, importer, cancellationToken));
                batch.Clear();
            }
        }

        (imported, failed) = Add((imported, failed), await ImportBatchAsync(batch, importer, cancellationToken));
        await Console.Out.WriteLineAsync($"Imported {imported} identities, {failed} failed.");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<(int Imported, int Failed)> ImportBatchAsync(List<(int Line, ImportItem Item)> batch, IIdentityImport importer, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        int imported = 0, failed = 0;
        var outcomes = await importer.ImportAsync(batch.Select(entry => entry.Item).ToList(), cancellationToken);
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];
            if (outcome.Succeeded)
            {
                imported++;
                continue;
            }

            failed++;
            var why = outcome.Conflict ?? string.Join("; ", (outcome.Problems ?? new Dictionary<string, string[]>()).Select(p => $"{p.Key}: {string.Join(' ', p.Value)}"));
            await Console.Error.WriteLineAsync($"line {batch[index].Line}: {why}");
        }

        return (imported, failed);
    }

    private static (int, int) Add((int Imported, int Failed) total, (int Imported, int Failed) batch) =>
        (total.Imported + batch.Imported, total.Failed + batch.Failed);
}
