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
            return new DatabaseSettings(DatabaseProvider.PostgreSql, WithPostgresDefaults(configured));
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
    /// Npgsql settings Civitas turns on unless the connection string sets them itself (bench/README.md, "Kernel" and
    /// "Authentication"):
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>: Npgsql otherwise resets a pooled connection's session (RESET ALL, CLOSE ALL,
    /// UNLISTEN, DISCARD …) before its next use, ~240 µs of PostgreSQL's CPU each time, about as much as the query it
    /// precedes. Civitas leaves no session state behind (no SET, temporary table, cursor, LISTEN or advisory lock).</item>
    /// <item><c>Max Auto Prepare=64</c>: statements a connection runs again and again (every hot-path query) become
    /// server-side prepared statements, so PostgreSQL stops parsing and planning them on each call, which was about a
    /// fifth of its CPU per OTP authentication.</item>
    /// </list>
    /// </summary>
    private static string WithPostgresDefaults(string connectionString)
    {
        var result = connectionString.TrimEnd(';');
        foreach (var (keys, value) in PostgresDefaults)
        {
            if (!keys.Any(key => HasKey(connectionString, key)))
            {
                result += $";{keys[0]}={value}";
            }
        }
        return result;
    }

    private static readonly (string[] Keys, string Value)[] PostgresDefaults =
    [
        (["No Reset On Close", "NoResetOnClose"], "true"),
        (["Max Auto Prepare", "MaxAutoPrepare"], "64"),
    ];

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase)
                || part.StartsWith(key + " =", StringComparison.OrdinalIgnoreCase));
}
