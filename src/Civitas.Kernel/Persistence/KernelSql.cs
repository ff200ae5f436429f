using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// Hand-written statements for the hot paths: one round trip each (UPDATE … RETURNING, INSERT … ON CONFLICT),
/// written in the SQL both SQLite (≥ 3.35) and PostgreSQL accept, with <c>@name</c> parameters.
/// </summary>
internal static class KernelSql
{
    [SuppressMessage("Security", "CA2100", Justification = "Callers pass constant SQL (or SQL built only from row counts); every value is a parameter.")]
    public static async Task<DbCommand> CommandAsync(KernelDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
