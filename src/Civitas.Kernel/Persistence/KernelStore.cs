using System.Data.Common;
using Civitas.Common.Persistence;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// Runs the kernel's hot-path statements without EF Core: no context per call, no change tracking, statements
/// prepared once. SQLite gets one long-lived connection and one writer that groups waiting statements into a
/// transaction (<see cref="SqliteKernelStore"/>); PostgreSQL a pooled data source with automatic preparation
/// (<see cref="PostgresKernelStore"/>). EF Core remains for migrations and the rarely used routes.
/// </summary>
internal abstract class KernelStore : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Runs <paramref name="statement"/> and maps every row it returns with <paramref name="readRow"/>.</summary>
    public abstract Task<List<T>> QueryAsync<T>(
        KernelStatement statement, object?[] values, Func<DbDataReader, T> readRow, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="statement"/>; returns the number of rows it changed.</summary>
    public abstract Task<int> ExecuteAsync(KernelStatement statement, object?[] values, CancellationToken cancellationToken);

    /// <summary>The first row of <paramref name="statement"/>, or <paramref name="none"/> when it returns no row.</summary>
    public async Task<T> QuerySingleAsync<T>(
        KernelStatement statement, object?[] values, Func<DbDataReader, T> readRow, T none, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(statement, values, readRow, cancellationToken);
        return rows.Count == 0 ? none : rows[0];
    }

    public abstract ValueTask DisposeAsync();

    public static KernelStore Create(IServiceProvider services)
    {
        var database = services.GetRequiredService<DatabaseSettings>();
        return database.Provider == DatabaseProvider.PostgreSql
            ? new PostgresKernelStore(database)
            : ActivatorUtilities.CreateInstance<SqliteKernelStore>(services);
    }
}
