using Civitas.Testing;
using Microsoft.Data.Sqlite;

namespace Civitas.Host.Tests;

/// <summary>The `civitas` command as an operator runs it: a separate process, exit codes and output.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var (exitCode, output, _) = await RunCivitasAsync("version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^civitas \d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task Db_migrate_creates_every_module_table_in_an_empty_database_and_is_idempotent()
    {
        if (TestDatabase.UsePostgres)
        {
            await using var database = await TestDatabase.CreateAsync();
            var (pgExit, pgOutput, pgError) = await RunCivitasAsync("db", "migrate", $"--ConnectionStrings:Civitas={database.ConnectionString}", $"--Civitas:DataDirectory={TempDirectory()}");
            Assert.True(pgExit == 0, pgError);
            Assert.Contains("up to date", pgOutput, StringComparison.Ordinal);
            return;
        }

        var dataDirectory = TempDirectory();
        try
        {
            for (var run = 0; run < 2; run++)
            {
                var (exitCode, output, error) = await RunCivitasAsync("db", "migrate", $"--Civitas:DataDirectory={dataDirectory}");
                Assert.True(exitCode == 0, error);
                Assert.Contains("up to date", output, StringComparison.Ordinal);
            }

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "civitas.db")}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'access_applications'";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Db_migrate_with_a_bad_connection_string_exits_non_zero_with_advice()
    {
        var (exitCode, _, error) = await RunCivitasAsync("db", "migrate", "--ConnectionStrings:Civitas=nonsense");

        Assert.Equal(2, exitCode);
        Assert.Contains("ConnectionStrings__Civitas", error, StringComparison.Ordinal);
    }

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "civitas-cli-" + Guid.NewGuid().ToString("N")[..12]);

    private static Task<(int ExitCode, string Output, string Error)> RunCivitasAsync(params string[] arguments) =>
        CivitasCli.RunAsync(arguments);
}
