using Microsoft.Data.Sqlite;

namespace Civitas.Common.Persistence;

/// <summary>One-time preparation of the database before any module migrates.</summary>
internal static class DatabasePreparation
{
    public static async Task PrepareAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Hosting.OwnerOnlyDirectory.Create(directory);
        }

        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL is a property of the file: readers no longer block the writer, and it persists across restarts.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
