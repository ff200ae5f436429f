using Civitas.Common.Persistence;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// Queues this process's kernel writes when the database is SQLite. SQLite admits one writer at a time and
/// makes the others sleep and retry (busy timeout), which under parallel load costs far more than waiting in
/// line here; measured on the UIN route: ~110 allocations/s with 16 parallel callers before, see bench/README.md
/// after. PostgreSQL locks rows itself, so there the gate is open.
/// </summary>
internal sealed class WriteGate(DatabaseSettings database)
{
    private readonly SemaphoreSlim? _sqlite = database.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is not null)
        {
            await _sqlite.WaitAsync(cancellationToken);
        }

        return new Releaser(_sqlite);
    }

    internal readonly struct Releaser(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
