using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Access.Persistence;

// Used only by `dotnet ef migrations add`; OpenIddict's entities join the model through UseOpenIddict().
internal sealed class SqliteAccessDesignFactory() : SqliteDesignTimeFactory<SqliteAccessDbContext>(AccessDbContext.Module)
{
    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseOpenIddict();
}

internal sealed class PostgresAccessDesignFactory() : PostgresDesignTimeFactory<PostgresAccessDbContext>(AccessDbContext.Module)
{
    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseOpenIddict();
}
