using System.Net;
using Civitas.Common.Persistence;
using Civitas.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Host.Tests;

/// <summary>Migrations from an empty database and data that survives a restart, on the provider under test.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Host_uses_the_provider_under_test_and_migrates_an_empty_database_fully()
    {
        await using var host = await CivitasTestHost.StartAsync();

        var settings = host.Services.GetRequiredService<DatabaseSettings>();
        Assert.Equal(TestDatabase.UsePostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, settings.Provider);
        var databases = host.Services.GetServices<IModuleDatabase>().ToList();
        Assert.Contains(databases, database => database.Module == "access");
        foreach (var database in databases)
        {
            Assert.Empty(await database.PendingMigrationsAsync(host.Services, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Embedded_sqlite_file_lives_in_the_data_directory_in_wal_mode()
    {
        if (TestDatabase.UsePostgres)
        {
            return; // This leg runs on PostgreSQL; the SQLite leg checks the embedded file.
        }

        await using var host = await CivitasTestHost.StartAsync();
        var file = Path.Combine(host.DataDirectory, "civitas.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_pooled_sqlite_open_keeps_the_connection_settings()
    {
        if (TestDatabase.UsePostgres)
        {
            return; // The settings are SQLite's; the PostgreSQL leg has nothing to check here.
        }

        await using var host = await CivitasTestHost.StartAsync();
        for (var open = 0; open < 3; open++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<Civitas.Access.Persistence.AccessDbContext>();
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous; ";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!); // NORMAL
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
            await context.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Restart_keeps_clients_and_token_keys_and_does_not_recreate_the_bootstrap_admin()
    {
        // A fixed public address keeps the token issuer stable although the test host's port changes on restart.
        await using var host = await CivitasTestHost.StartAsync(new Dictionary<string, string?> { ["Civitas:PublicBaseUrl"] = "http://civitas.test" });
        var bootstrap = host.ReadBootstrapCredentials();
        using var admin = await host.CreateAdminClientAsync();
        using var created = await admin.PostAsync(
            "/v1/admin/clients",
            new StringContent("{\"client_id\":\"survivor\",\"scopes\":[\"civitas.kernel\"]}", System.Text.Encoding.UTF8, "application/json"));
        var secret = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("client_secret").GetString()!;
        var tokenBefore = await host.GetTokenAsync(bootstrap.ClientId, bootstrap.ClientSecret);

        await host.RestartAsync();

        Assert.Equal(bootstrap, host.ReadBootstrapCredentials());
        Assert.False(string.IsNullOrEmpty(await host.GetTokenAsync("survivor", secret)));
        // A token issued before the restart is still valid: the signing key was kept.
        using var old = host.Authorized(tokenBefore);
        using var response = await old.GetAsync("/v1/admin/clients");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
