using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Civitas.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// SQLite admits one writer at a time; many connections competing for it sleep in the busy handler, and a
/// semaphore in front of them (the earlier design) hands the lock from thread to thread once per statement,
/// which on an oversubscribed machine collapses (1,162/s with 4 callers, 161/s with 32; bench/README.md).
/// Here one long-lived connection runs every kernel statement, in order, from a queue: whatever has queued up
/// while one batch ran becomes the next batch, in one transaction (group commit), and each caller is answered
/// only after that transaction has committed. Statements stay prepared on the connection.
/// </summary>
internal sealed class SqliteKernelStore : KernelStore
{
    private const int MaxBatch = 256;
    private static readonly KernelStatement Begin = new("BEGIN IMMEDIATE");
    private static readonly KernelStatement Commit = new("COMMIT");
    private static readonly KernelStatement Rollback = new("ROLLBACK");

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<KernelStatement, SqliteCommand> _prepared = new(ReferenceEqualityComparer.Instance);
    private readonly IDbContextFactory<KernelDbContext> _databases;
    private readonly Task _writer;
    private KernelDbContext? _context;
    private SqliteConnection? _connection;

    public SqliteKernelStore(IDbContextFactory<KernelDbContext> databases)
    {
        _databases = databases;
        _writer = Task.Run(WriteLoopAsync);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<List<T>> QueryAsync<T>(
        KernelStatement statement, object?[] values, Func<DbDataReader, T> readRow, CancellationToken cancellationToken) =>
        Enqueue(new Work<List<T>>(statement, values, cancellationToken, command =>
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(readRow(reader));
            }

            return rows;
        }));

    public override Task<int> ExecuteAsync(KernelStatement statement, object?[] values, CancellationToken cancellationToken) =>
        Enqueue(new Work<int>(statement, values, cancellationToken, command => command.ExecuteNonQuery()));

    public override async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }

        _prepared.Clear();
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    private Task<T> Enqueue<T>(Work<T> work) =>
        _queue.Writer.TryWrite(work) ? work.Task : throw new ObjectDisposedException(nameof(SqliteKernelStore));

    private async Task WriteLoopAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            RunBatch(batch);
            batch.Clear();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Every failure is handed to the waiting callers; the writer must keep running.")]
    private void RunBatch(List<Work> batch)
    {
        try
        {
            var connection = Connection();
            // A single statement commits by itself; several share one transaction, so one commit serves them all.
            var grouped = batch.Count > 1;
            if (grouped)
            {
                Prepared(Begin, connection).ExecuteNonQuery();
            }

            try
            {
                foreach (var work in batch)
                {
                    // A failing statement is rolled back alone (SQLite's statement journal); its caller gets the error.
                    work.Run(this, connection);
                }

                if (grouped)
                {
                    Prepared(Commit, connection).ExecuteNonQuery();
                }
            }
            catch (Exception) when (grouped)
            {
                TryRollback(connection);
                throw;
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch is committed (or the connection could not be opened): every caller fails.
            foreach (var work in batch)
            {
                work.Fail(ex);
            }

            return;
        }

        foreach (var work in batch)
        {
            work.Complete();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "A rollback after a failed commit may itself fail; the original error is what callers see.")]
    private void TryRollback(SqliteConnection connection)
    {
        try
        {
            Prepared(Rollback, connection).ExecuteNonQuery();
        }
        catch (Exception)
        {
        }
    }

    /// <summary>Opened through EF Core on first use (after migrations), so the shared connection settings apply.</summary>
    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        _context ??= _databases.CreateDbContext();
        _context.Database.OpenConnection();
        _connection = (SqliteConnection)_context.Database.GetDbConnection();
        return _connection;
    }

    [SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    private SqliteCommand Prepared(KernelStatement statement, SqliteConnection connection)
    {
        if (!_prepared.TryGetValue(statement, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var name in statement.Parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            command.Prepare();
            _prepared.Add(statement, command);
        }

        return command;
    }

    private abstract class Work
    {
        public abstract void Run(SqliteKernelStore store, SqliteConnection connection);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class Work<T>(KernelStatement statement, object?[] values, CancellationToken cancellationToken, Func<SqliteCommand, T> execute) : Work
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;
        private bool _skipped;

        public Task<T> Task => _done.Task;

        [SuppressMessage("Design", "CA1031", Justification = "The statement's own failure belongs to its caller, not to the batch.")]
        public override void Run(SqliteKernelStore store, SqliteConnection connection)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up before its turn: the statement is not run at all.
                _skipped = true;
                return;
            }

            try
            {
                var command = store.Prepared(statement, connection);
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                _result = execute(command);
            }
            catch (SqliteException ex)
            {
                _error = ex;
            }
        }

        public override void Complete()
        {
            if (_skipped)
            {
                _done.TrySetCanceled(cancellationToken);
            }
            else if (_error is not null)
            {
                _done.TrySetException(_error);
            }
            else
            {
                _done.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception error) => _done.TrySetException(error);
    }
}
