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
        // PostgreSQL runs a batch sent without a transaction as one implicit transaction (one Sync message: a failing
        // statement rolls back the others), so the batch commits in its own round trip, without a BEGIN and a COMMIT.
        await using var transaction = rows.Count > 1 && !connection.CanCreateBatch ? await db.Database.BeginTransactionAsync() : null;
        var results = new long[rows.Count];
        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch(connection, sql, names, rows, sqlite);
            batch.Transaction = transaction?.GetDbTransaction();
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
            await using var command = CreateCommand(connection, sql, names);
            command.Transaction = transaction?.GetDbTransaction();
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

    /// <summary>
    /// The read of a grouped query (<see cref="GroupedQuery{TContext, TRow}"/>): runs <paramref name="sql"/> once per
    /// entry of <paramref name="calls"/> and answers each call's rows, read with <paramref name="read"/>. PostgreSQL
    /// gets every query in one round trip (a <see cref="DbBatch"/>, one result set per call); SQLite runs one
    /// prepared command per call, in-process. No transaction: each is a read on its own.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    public static async Task<IReadOnlyList<TRow>[]> QueryEachAsync<TRow>(
        DbContext db, string sql, IReadOnlyList<string> names, IReadOnlyList<object?[]> calls, Func<DbDataReader, TRow> read)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = connection is SqliteConnection;
        var answers = new IReadOnlyList<TRow>[calls.Count];
        if (connection.CanCreateBatch && calls.Count > 1)
        {
            await using var batch = CreateBatch(connection, sql, names, calls, sqlite);
            await using var reader = await batch.ExecuteReaderAsync();
            for (var i = 0; i < calls.Count; i++)
            {
                answers[i] = await ReadAllAsync(reader, read);
                await reader.NextResultAsync();
            }
            return answers;
        }

        await using var command = CreateCommand(connection, sql, names);
        for (var call = 0; call < calls.Count; call++)
        {
            for (var i = 0; i < names.Count; i++)
            {
                command.Parameters[i].Value = Bindable(calls[call][i], sqlite);
            }
            await using var reader = await command.ExecuteReaderAsync();
            answers[call] = await ReadAllAsync(reader, read);
        }
        return answers;
    }

    /// <summary>An INSERT of one row into <paramref name="table"/>, with a parameter <c>@column</c> per column (EF Core's quoted property names).</summary>
    public static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    private static DbBatch CreateBatch(DbConnection connection, string sql, IReadOnlyList<string> names, IReadOnlyList<object?[]> rows, bool sqlite)
    {
        var batch = connection.CreateBatch();
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
        return batch;
    }

    /// <summary>A command with one (unset) parameter per name, to run once per row.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    private static DbCommand CreateCommand(DbConnection connection, string sql, IReadOnlyList<string> names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<IReadOnlyList<TRow>> ReadAllAsync<TRow>(DbDataReader reader, Func<DbDataReader, TRow> read)
    {
        var rows = new List<TRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static long AsLong(object? value) =>
        value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    private static object Bindable(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid id when sqlite => id.ToString().ToUpperInvariant(),
        _ => value,
    };
}
