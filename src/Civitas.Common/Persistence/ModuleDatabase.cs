using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Common.Persistence;

internal sealed class ModuleDatabase<TContext>(string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module { get; } = module;

    public Type ContextType => typeof(TContext);

    public async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        // Create the history table first: on an empty PostgreSQL database EF would otherwise query it before it
        // exists and log that failed query as an error on every first start.
        var history = context.GetService<IHistoryRepository>();
        await history.CreateIfNotExistsAsync(cancellationToken);
        var appliedBefore = (await history.GetAppliedMigrationsAsync(cancellationToken)).Count;
        // EF Core takes a database-wide migration lock, so several hosts starting together are safe.
        await context.Database.MigrateAsync(cancellationToken);
        return context.Database.GetMigrations().Count() - appliedBefore;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    public async Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return await context.Database.CanConnectAsync(cancellationToken);
    }
}
