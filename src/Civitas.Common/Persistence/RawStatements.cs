using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Civitas.Common.Persistence;

/// <summary>
/// Hand-written statements on a module's tables for hot paths, on the connection of a (pooled) EF Core context:
/// no change tracking, no SQL generated per call. Values are bound the way EF Core stores them, so rows written
/// here read back through EF Core unchanged (on SQLite a <see cref="Guid"/> is upper-case text, as EF Core
/// writes it). EF Core stays for migrations, queries and everything off the hot paths.
/// </summary>
public static class RawStatements
{
    /// <summary>
    /// The write of a <see cref="GroupCommit{TItem, TResult}"/> batch: runs <paramref name="sql"/> (parameters <c>@name</c> for each of <paramref name="names"/>) once per entry of
    /// <paramref name="rows"/>, in that order, in one transaction; returns the rows each run changed. PostgreSQL gets
    /// every statement in one round trip (a <see cref="DbBatch"/>); SQLite runs one prepared command per row, in-process.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    public static async Task<int[]> ExecuteEachAsync(DbContext db, string sql, IReadOnlyList<string> names, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = connection is SqliteConnection;
        await using var transaction = rows.Count > 1 ? await db.Database.BeginTransactionAsync() : null;
        var changed = new int[rows.Count];
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction?.GetDbTransaction();
            foreach (var values in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < names.Count; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = Bindable(values[i], sqlite);
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
            for (var i = 0; i < rows.Count; i++)
            {
                changed[i] = batch.BatchCommands[i].RecordsAffected;
            }
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction?.GetDbTransaction();
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            for (var row = 0; row < rows.Count; row++)
            {
                for (var i = 0; i < names.Count; i++)
                {
                    command.Parameters[i].Value = Bindable(rows[row][i], sqlite);
                }
                changed[row] = await command.ExecuteNonQueryAsync();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return changed;
    }

    /// <summary>Runs one statement and returns the first column of its first row (default when it returns none).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    public static async Task<T?> ScalarAsync<T>(DbContext db, string sql, IReadOnlyList<string> names, object?[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = Bindable(values[i], connection is SqliteConnection);
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object Bindable(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid id when sqlite => id.ToString().ToUpperInvariant(),
        _ => value,
    };
}
