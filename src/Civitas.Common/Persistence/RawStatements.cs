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
    /// The write of a group-committed batch (<see cref="GroupCommittedStatement{TContext}"/>): runs <paramref name="sql"/>
    /// (parameters <c>@name</c> for each of <paramref name="names"/>) once per entry of <paramref name="rows"/>, in that
    /// order, in one transaction. Answers per run the rows it changed or, for <see cref="StatementAnswer.FirstValue"/>
    /// (a statement with <c>RETURNING</c>), the first column of its first row (0 when it returned none). PostgreSQL
    /// gets every statement in one round trip (a <see cref="DbBatch"/>); SQLite runs one prepared command per row, in-process.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    public static async Task<long[]> RunEachAsync(DbContext db, string sql, IReadOnlyList<string> names, IReadOnlyList<object?[]> rows, StatementAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = connection is SqliteConnection;
        await using var transaction = rows.Count > 1 ? await db.Database.BeginTransactionAsync() : null;
        var results = new long[rows.Count];
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

            if (answer == StatementAnswer.FirstValue)
            {
                // Every command has RETURNING, so each gives one result set, in order.
                await using var reader = await batch.ExecuteReaderAsync();
                for (var i = 0; i < rows.Count; i++)
                {
                    results[i] = await reader.ReadAsync() ? AsLong(reader.GetValue(0)) : 0;
                    await reader.NextResultAsync();
                }
            }
            else
            {
                await batch.ExecuteNonQueryAsync();
                for (var i = 0; i < rows.Count; i++)
                {
                    results[i] = batch.BatchCommands[i].RecordsAffected;
                }
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
                results[row] = answer == StatementAnswer.FirstValue
                    ? AsLong(await command.ExecuteScalarAsync())
                    : await command.ExecuteNonQueryAsync();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return results;
    }

    /// <summary>An INSERT of one row into <paramref name="table"/>, with a parameter <c>@column</c> per column (EF Core's quoted property names).</summary>
    public static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    private static long AsLong(object? value) =>
        value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    private static object Bindable(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid id when sqlite => id.ToString().ToUpperInvariant(),
        _ => value,
    };
}
