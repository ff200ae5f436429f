using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Npgsql;

namespace Civitas.Testing;

/// <summary>
/// A database for one test host. <c>CIVITAS_TEST_DATABASE=postgres</c> selects PostgreSQL, reached with
/// <c>CIVITAS_TEST_POSTGRES</c> (an admin connection string; default <c>Host=127.0.0.1;Username=postgres;Password=postgres</c>);
/// each instance creates and finally drops its own database. Otherwise a SQLite file in the host's data directory.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string connectionString, string? adminConnectionString, string? databaseName)
    {
        ConnectionString = connectionString;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("CIVITAS_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("CIVITAS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    /// <summary>The value for <c>ConnectionStrings:Civitas</c>; empty means the embedded SQLite file.</summary>
    public string ConnectionString { get; }

    public bool IsPostgres => _databaseName is not null;

    [SuppressMessage("Security", "CA2100", Justification = "The name is generated hex; CREATE/DROP DATABASE cannot take parameters.")]
    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            return new TestDatabase("", null, null);
        }

        var name = "civitas_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var admin = PostgresAdminConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(builder.ConnectionString, admin, name);
    }

    [SuppressMessage("Security", "CA2100", Justification = "The name is generated hex; CREATE/DROP DATABASE cannot take parameters.")]
    public async ValueTask DisposeAsync()
    {
        if (_databaseName is null || _adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
