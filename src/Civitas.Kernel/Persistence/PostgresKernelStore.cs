using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Civitas.Common.Persistence;
using Npgsql;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// PostgreSQL with group commit: statements queue up, and a few runners each send whatever has queued as one
/// <see cref="NpgsqlBatch"/>: one round trip, one implicit transaction, one commit (one WAL flush) for all of
/// them. Each caller gets its own statement's rows, and only after that commit. Measured on two cores, one
/// statement per round trip and commit cost PostgreSQL 480–600 µs of CPU per kernel operation (bench/README.md).
/// Statements of a batch run in order in one transaction, so two on the same row see each other (an OTP's
/// attempt counter stays exact); batches of different runners and hosts are ordered by the server's row locks.
/// When a statement fails the server rolls the whole batch back, so every statement of it runs again alone:
/// the failing one fails alone, the others succeed as if nothing had happened. Automatic preparation keeps
/// the hot statements prepared per connection.
/// </summary>
internal sealed class PostgresKernelStore : KernelStore
{
    private const int MaxBatch = 64;

    // Batches in flight at once: while one waits for its commit the next is already on its way. Also the most
    // connections the store holds, whatever the pool allows.
    private const int Runners = 4;

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>();
    private readonly NpgsqlDataSource _source;
    private readonly Task[] _runners;

    // The connection string from DatabaseSettings already skips Npgsql's session reset between uses and prepares
    // the statements a connection runs repeatedly (Max Auto Prepare).
    public PostgresKernelStore(DatabaseSettings database)
    {
        _source = new NpgsqlDataSourceBuilder(database.ConnectionString).Build();
        _runners = [.. Enumerable.Range(0, Runners).Select(_ => Task.Run(RunLoopAsync))];
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override Task<List<T>> QueryAsync<T>(
        KernelStatement statement, object?[] values, Func<DbDataReader, T> readRow, CancellationToken cancellationToken) =>
        Enqueue(new Work<List<T>>(statement, values, cancellationToken, async (reader, _) =>
        {
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(readRow(reader));
            }

            return rows;
        }));

    public override Task<int> ExecuteAsync(KernelStatement statement, object?[] values, CancellationToken cancellationToken) =>
        Enqueue(new Work<int>(statement, values, cancellationToken, async (reader, command) =>
        {
            while (await reader.ReadAsync())
            {
            }

            return command.RecordsAffected;
        }));

    public override async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_runners);
        await _source.DisposeAsync();
    }

    private Task<T> Enqueue<T>(Work<T> work) =>
        _queue.Writer.TryWrite(work) ? work.Task : throw new ObjectDisposedException(nameof(PostgresKernelStore));

    private async Task RunLoopAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work))
            {
                if (!work.SkipIfCancelled())
                {
                    batch.Add(work);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch);
            }
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Every failure is handed to the waiting callers; the runner must keep running.")]
    private async Task RunBatchAsync(List<Work> batch)
    {
        try
        {
            await SendAsync(batch);
        }
        catch (PostgresException) when (batch.Count > 1)
        {
            // The server rolled the whole batch back (a failing statement, a deadlock between batches): nothing of
            // it was committed, so each statement runs again alone and only the failing one fails.
            foreach (var work in batch)
            {
                await RunAloneAsync(work);
            }

            return;
        }
        catch (Exception ex)
        {
            // A lone statement's own error, or no connection or answer at all: whether it committed is unknown, so
            // nothing is run again.
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

    [SuppressMessage("Design", "CA1031", Justification = "The statement's failure belongs to its caller.")]
    private async Task RunAloneAsync(Work work)
    {
        List<Work> alone = [work];
        try
        {
            await SendAsync(alone);
            work.Complete();
        }
        catch (Exception ex)
        {
            work.Fail(ex);
        }
    }

    /// <summary>Sends <paramref name="batch"/> as one batch and reads every statement's result; they are kept
    /// until the caller completes them, i.e. until the implicit transaction has committed.</summary>
    [SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    private async Task SendAsync(List<Work> batch)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var command = new NpgsqlBatch(connection);
        foreach (var work in batch)
        {
            var statement = new NpgsqlBatchCommand(work.Statement.Sql);
            for (var i = 0; i < work.Values.Length; i++)
            {
                statement.Parameters.Add(new NpgsqlParameter(work.Statement.Parameters[i], work.Values[i] ?? DBNull.Value));
            }

            command.BatchCommands.Add(statement);
        }

        await using (var reader = await command.ExecuteReaderAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync();
                }

                await batch[i].ReadAsync(reader, command.BatchCommands[i]);
            }
        }
    }

    private abstract class Work(KernelStatement statement, object?[] values, CancellationToken cancellationToken)
    {
        public KernelStatement Statement { get; } = statement;

        public object?[] Values { get; } = values;

        protected CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>True (and the caller told) when the caller gave up before its statement was sent.</summary>
        public abstract bool SkipIfCancelled();

        public abstract Task ReadAsync(NpgsqlDataReader reader, NpgsqlBatchCommand command);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class Work<T>(
        KernelStatement statement,
        object?[] values,
        CancellationToken cancellationToken,
        Func<NpgsqlDataReader, NpgsqlBatchCommand, Task<T>> read) : Work(statement, values, cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override bool SkipIfCancelled() => CancellationToken.IsCancellationRequested && _done.TrySetCanceled(CancellationToken);

        public override async Task ReadAsync(NpgsqlDataReader reader, NpgsqlBatchCommand command) => _result = await read(reader, command);

        public override void Complete() => _done.TrySetResult(_result!);

        public override void Fail(Exception error) => _done.TrySetException(error);
    }
}
