using System.Data.Common;
using Civitas.Common.Persistence;
using Npgsql;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// PostgreSQL: statements run concurrently on pooled connections and the rows they touch are locked by the
/// server, so parallel requests and hosts need no coordination here. Automatic preparation turns the few hot
/// statements into server-side prepared statements per connection after their second use.
/// </summary>
internal sealed class PostgresKernelStore : KernelStore
{
    private readonly NpgsqlDataSource _source;

    public PostgresKernelStore(DatabaseSettings database)
    {
        var builder = new NpgsqlDataSourceBuilder(database.ConnectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        _source = builder.Build();
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override async Task<List<T>> QueryAsync<T>(
        KernelStatement statement, object?[] values, Func<DbDataReader, T> readRow, CancellationToken cancellationToken)
    {
        await using var command = Command(statement, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(readRow(reader));
        }

        return rows;
    }

    public override async Task<int> ExecuteAsync(KernelStatement statement, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = Command(statement, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements are constants; every value is a parameter.")]
    private NpgsqlCommand Command(KernelStatement statement, object?[] values)
    {
        var command = _source.CreateCommand(statement.Sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter(statement.Parameters[i], values[i] ?? DBNull.Value));
        }

        return command;
    }
}
