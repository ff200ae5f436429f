using System.Diagnostics.CodeAnalysis;
using Civitas.Audit.Chain;
using Civitas.Audit.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Audit.Writing;

/// <summary>
/// SQLite: one IMMEDIATE transaction (the database's single write lock, taken before the chain head is read, so
/// two processes on one file still append in turn) and one prepared INSERT reused for every row.
/// </summary>
internal sealed class SqliteAuditAppender(IDbContextFactory<AuditDbContext> contexts, TimeProvider clock) : IAuditAppender
{
    private static readonly string InsertSql =
        $"INSERT INTO audit_entries ({AuditColumns.List}) VALUES ({string.Join(", ", Enumerable.Range(0, AuditColumns.Count).Select(i => "$p" + i))})";

    [SuppressMessage("Security", "CA2100", Justification = "The SQL is built from constant column names; values are parameters.")]
    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction(deferred: false);

        var (sequence, previousHash) = ReadHead(connection, transaction);
        var recordedAt = AuditTime.Normalize(clock.GetUtcNow());

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        var parameters = new SqliteParameter[AuditColumns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = insert.Parameters.Add("$p" + i, SqliteType.Text);
        }

        parameters[0].SqliteType = SqliteType.Integer;
        parameters[18].SqliteType = SqliteType.Blob;
        insert.Prepare();

        foreach (var auditEvent in events)
        {
            var entry = AuditEntryFactory.Create(auditEvent, ++sequence, recordedAt, previousHash);
            Bind(parameters, entry);
            insert.ExecuteNonQuery();
            previousHash = entry.Hash;
        }

        using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "UPDATE audit_chain_head SET last_sequence = $s, last_hash = $h WHERE id = 1";
        head.Parameters.AddWithValue("$s", sequence);
        head.Parameters.AddWithValue("$h", previousHash);
        head.ExecuteNonQuery();
        transaction.Commit();
    }

    private static (long Sequence, byte[] Hash) ReadHead(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1";
        using var reader = read.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("audit_chain_head has no row: the audit migrations were not applied.");
        }

        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static void Bind(SqliteParameter[] p, AuditEntryEntity e)
    {
        p[0].Value = e.Sequence;
        p[1].Value = e.EventId;
        p[2].Value = e.EventName;
        p[3].Value = e.EventType;
        p[4].Value = e.ActionTime;
        p[5].Value = e.HostName;
        p[6].Value = e.HostIp;
        p[7].Value = e.ApplicationId;
        p[8].Value = e.ApplicationName;
        p[9].Value = e.SessionUserId;
        p[10].Value = e.SessionUserName;
        p[11].Value = e.ReferenceId;
        p[12].Value = e.ReferenceIdType;
        p[13].Value = e.CreatedBy;
        p[14].Value = (object?)e.ModuleName ?? DBNull.Value;
        p[15].Value = (object?)e.ModuleId ?? DBNull.Value;
        p[16].Value = (object?)e.Description ?? DBNull.Value;
        p[17].Value = e.RecordedAt;
        p[18].Value = e.Hash;
    }
}
