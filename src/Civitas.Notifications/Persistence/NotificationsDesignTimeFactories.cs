using Civitas.Common.Persistence;

namespace Civitas.Notifications.Persistence;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteNotificationsDesignFactory() : SqliteDesignTimeFactory<SqliteNotificationsDbContext>(NotificationsDbContext.Module);

internal sealed class PostgresNotificationsDesignFactory() : PostgresDesignTimeFactory<PostgresNotificationsDbContext>(NotificationsDbContext.Module);
