using Microsoft.Extensions.Configuration;

namespace Civitas.Common.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database Civitas uses, from <c>ConnectionStrings:Civitas</c>: empty means the embedded SQLite file
/// <c>civitas.db</c> in the data directory; <c>Data Source=...</c> is SQLite; <c>Host=...</c> is PostgreSQL.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Civitas";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName)?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            var options = configuration.GetSection(CivitasOptions.SectionName).Get<CivitasOptions>() ?? new CivitasOptions();
            var file = Path.Combine(options.DataDirectoryFullPath, "civitas.db");
            return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=True");
        }

        if (HasKey(configured, "Host") || HasKey(configured, "Server"))
        {
            return new DatabaseSettings(DatabaseProvider.PostgreSql, WithoutSessionReset(configured));
        }

        if (HasKey(configured, "Data Source") || HasKey(configured, "DataSource") || HasKey(configured, "Filename"))
        {
            return new DatabaseSettings(DatabaseProvider.Sqlite, configured);
        }

        throw new CivitasConfigurationException(
            "ConnectionStrings:Civitas is neither a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...) "
            + "nor a SQLite one (Data Source=path/civitas.db). Set it (env ConnectionStrings__Civitas) to one of those, or leave it empty for the embedded SQLite file.");
    }

    /// <summary>
    /// Npgsql resets a pooled connection's session (RESET ALL, CLOSE ALL, UNLISTEN, pg_advisory_unlock_all, DISCARD …)
    /// before its next use, a statement of its own each time a context or store opens one: ~240 µs of PostgreSQL's
    /// CPU, about as much as the query it precedes (bench/README.md, "Kernel"). Civitas leaves no session state
    /// behind (no SET, temporary table, cursor, LISTEN or advisory lock), so every connection it opens skips the
    /// reset, unless the connection string says otherwise.
    /// </summary>
    private static string WithoutSessionReset(string connectionString) =>
        HasKey(connectionString, "No Reset On Close") || HasKey(connectionString, "NoResetOnClose")
            ? connectionString
            : connectionString.TrimEnd(';') + ";No Reset On Close=true";

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase)
                || part.StartsWith(key + " =", StringComparison.OrdinalIgnoreCase));
}
