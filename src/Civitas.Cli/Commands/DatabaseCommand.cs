using System.CommandLine;
using Civitas.Common;
using Civitas.Host;
using Microsoft.Extensions.Options;

namespace Civitas.Cli.Commands;

/// <summary><c>civitas db migrate</c>: apply every module's migrations to the configured database and exit.</summary>
internal static class DatabaseCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply all pending migrations (SQLite file or ConnectionStrings__Civitas) and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var app = CivitasApplication.Build([.. result.UnmatchedTokens]);
                await CivitasApplication.PrepareAsync(app, cancellationToken);
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            }
            catch (Exception ex) when (ex is OptionsValidationException or CivitasConfigurationException)
            {
                await Console.Error.WriteLineAsync("Migration failed: " + ex.Message);
                return 2;
            }
        });

        var database = new Command("db", "Database commands.");
        database.Subcommands.Add(migrate);
        return database;
    }
}
