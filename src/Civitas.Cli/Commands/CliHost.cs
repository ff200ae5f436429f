using Civitas.Common;
using Civitas.Host;
using Microsoft.Extensions.Options;

namespace Civitas.Cli.Commands;

/// <summary>
/// For commands that work on Civitas's data without serving HTTP: builds the host from the same configuration
/// as <c>civitas serve</c> (host options such as <c>--ConnectionStrings:Civitas=...</c> pass through), checks it,
/// migrates, then runs the command with the host's services. Configuration errors exit with code 2.
/// </summary>
internal static class CliHost
{
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(
        IEnumerable<string> hostArguments,
        Func<IServiceProvider, CancellationToken, Task<int>> command,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var app = CivitasApplication.Build([.. hostArguments]);
            await CivitasApplication.PrepareAsync(app, cancellationToken);
            return await command(app.Services, cancellationToken);
        }
        catch (Exception ex) when (ex is OptionsValidationException or CivitasConfigurationException)
        {
            await Console.Error.WriteLineAsync("civitas: " + ex.Message);
            return ConfigurationError;
        }
    }
}
