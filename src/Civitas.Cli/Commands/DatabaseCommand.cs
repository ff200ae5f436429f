using System.CommandLine;

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
        // Preparing the host is the migration; nothing is left to do afterwards.
        migrate.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            async (_, _) =>
            {
                await Console.Out.WriteLineAsync("Database is up to date.");
                return 0;
            },
            cancellationToken));

        var database = new Command("db", "Database commands.");
        database.Subcommands.Add(migrate);
        return database;
    }
}
