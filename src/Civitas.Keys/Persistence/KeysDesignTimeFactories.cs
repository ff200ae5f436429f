using Civitas.Common.Persistence;

namespace Civitas.Keys.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the keys contexts without the host.</summary>
internal sealed class SqliteKeysDesignFactory() : SqliteDesignTimeFactory<SqliteKeysDbContext>(KeysModule.Name);

internal sealed class PostgresKeysDesignFactory() : PostgresDesignTimeFactory<PostgresKeysDbContext>(KeysModule.Name);
