using Civitas.Authentication.Persistence;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Auth transaction rows, group-committed (<see cref="GroupCommit{TItem, TResult}"/>): every caller waits until
/// its row is committed, but rows that queue up while one batch is written share the next commit. One
/// SaveChanges per row was the largest database cost of an authentication (bench/README.md, "Authentication"),
/// and EF Core's change tracking was still most of a batch's cost, so a batch is one prepared INSERT per row.
/// </summary>
internal sealed class AuthTransactionWriter : IAsyncDisposable
{
    private const int MaxBatch = 500;

    // The columns of AuthTransactionRow (AuthenticationDbContext maps them by property name).
    private static readonly string[] Columns =
    [
        "Id", "IndividualHash", "IndividualIdType", "AuthToken", "PartnerId", "TransactionId", "RequestType",
        "AuthTypes", "Succeeded", "ErrorCode", "RequestTimeUtc", "ResponseTimeUtc",
    ];

    private static readonly string Insert = RawStatements.Insert("authentication_transactions", Columns);

    private readonly GroupCommittedStatement<AuthenticationDbContext> _rows;

    public AuthTransactionWriter(IDbContextFactory<AuthenticationDbContext> databases, ILogger<AuthTransactionWriter> logger) =>
        _rows = new(databases, Insert, Columns, StatementAnswer.RowsChanged, logger, "auth transaction rows", maxBatch: MaxBatch);

    /// <summary>Completes once <paramref name="row"/> is committed; faults when it could not be written.</summary>
    public Task WriteAsync(AuthTransactionRow row) => _rows.RunAsync(Values(row));

    public ValueTask DisposeAsync() => _rows.DisposeAsync();

    private static object?[] Values(AuthTransactionRow row) =>
    [
        row.Id, row.IndividualHash, row.IndividualIdType, row.AuthToken, row.PartnerId, row.TransactionId, row.RequestType,
        row.AuthTypes, row.Succeeded, row.ErrorCode, row.RequestTimeUtc, row.ResponseTimeUtc,
    ];

}
