using Civitas.Common.Persistence;

namespace Civitas.Audit.Persistence;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteAuditDesignFactory() : SqliteDesignTimeFactory<SqliteAuditDbContext>(AuditDbContext.Module);

internal sealed class PostgresAuditDesignFactory() : PostgresDesignTimeFactory<PostgresAuditDbContext>(AuditDbContext.Module);
