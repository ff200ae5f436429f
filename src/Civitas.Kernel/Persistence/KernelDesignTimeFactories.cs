using Civitas.Common.Persistence;

namespace Civitas.Kernel.Persistence;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteKernelDesignFactory() : SqliteDesignTimeFactory<SqliteKernelDbContext>(KernelDbContext.Module);

internal sealed class PostgresKernelDesignFactory() : PostgresDesignTimeFactory<PostgresKernelDbContext>(KernelDbContext.Module);
