using Civitas.Audit.Chain;
using Civitas.Audit.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Civitas.Audit.Writing;

/// <summary>
/// PostgreSQL: the chain head row is locked (<c>FOR UPDATE</c>) for the transaction, so any number of hosts append
/// to one chain in turn; rows go in with binary COPY, one network stream per batch instead of a round trip per row.
/// </summary>
internal sealed class PostgresAuditAppender(IDbContextFactory<AuditDbContext> contexts, TimeProvider clock) : IAuditAppender
{
    private const string CopySql = $"COPY audit_entries ({AuditColumns.List}) FROM STDIN (FORMAT BINARY)";

    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var (sequence, previousHash) = await LockHeadAsync(connection, transaction, cancellationToken);
        // Taken after the lock: entries of later transactions never carry an earlier recording time.
        var recordedAt = AuditTime.Normalize(clock.GetUtcNow());

        await using (var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
        {
            foreach (var auditEvent in events)
            {
                var entry = AuditEntryFactory.Create(auditEvent, ++sequence, recordedAt, previousHash);
                await WriteRowAsync(importer, entry, cancellationToken);
                previousHash = entry.Hash;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var head = new NpgsqlCommand("UPDATE audit_chain_head SET last_sequence = @s, last_hash = @h WHERE id = 1", connection, transaction))
        {
            head.Parameters.AddWithValue("s", sequence);
            head.Parameters.AddWithValue("h", previousHash);
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<(long, byte[])> LockHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("audit_chain_head has no row: the audit migrations were not applied.");
        }

        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, AuditEntryEntity e, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(e.EventId, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.EventName, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.EventType, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.ActionTime, NpgsqlDbType.TimestampTz, ct);
        await importer.WriteAsync(e.HostName, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.HostIp, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.ApplicationId, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.ApplicationName, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.SessionUserId, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.SessionUserName, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.ReferenceId, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.ReferenceIdType, NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(e.CreatedBy, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(importer, e.ModuleName, ct);
        await WriteNullableAsync(importer, e.ModuleId, ct);
        await WriteNullableAsync(importer, e.Description, ct);
        await importer.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
        await importer.WriteAsync(e.Hash, NpgsqlDbType.Bytea, ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
