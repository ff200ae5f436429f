using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Civitas.Common.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL itself is set once on the file (see <see cref="DatabasePreparation"/>);
/// with WAL, <c>synchronous=NORMAL</c> is durable across application crashes and much faster than FULL.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
