using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Common.Persistence;

public static class ModuleDatabaseExtensions
{
    /// <summary>
    /// Registers a module's database context. <typeparamref name="TContext"/> holds the model; the two derived
    /// types carry the provider-specific migrations (EF keeps migrations per context type). Code in the module
    /// asks for <typeparamref name="TContext"/> (scoped) or <see cref="IDbContextFactory{TContext}"/>.
    /// Each module has its own migrations history table, so modules migrate independently.
    /// </summary>
    public static IServiceCollection AddCivitasModuleDatabase<TContext, TSqliteContext, TPostgresContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        string module,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Register<TContext, TSqliteContext>(services, settings, module, configure);
        }
        else
        {
            Register<TContext, TPostgresContext>(services, settings, module, configure);
        }

        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        return services;
    }

    /// <summary>The provider options every module context uses; shared with the design-time factories.</summary>
    public static void UseCivitasDatabase(this DbContextOptionsBuilder builder, DatabaseSettings settings, string module)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var historyTable = $"__{module}_migrations";
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(historyTable));
            builder.AddInterceptors(new SqlitePragmaInterceptor());
        }
        else
        {
            builder.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(historyTable));
        }
    }

    private static void Register<TContext, TProviderContext>(
        IServiceCollection services, DatabaseSettings settings, string module, Action<DbContextOptionsBuilder>? configure)
        where TContext : DbContext
        where TProviderContext : TContext
    {
        // Pooled: a context from the pool skips EF's per-context service resolution and options comparison, which
        // profiling showed as the largest single cost of a short hot-path query (bench/README.md, "Authentication").
        services.AddPooledDbContextFactory<TProviderContext>(options =>
        {
            options.UseCivitasDatabase(settings, module);
            configure?.Invoke(options);
        });
        services.AddScoped<TContext>(provider => provider.GetRequiredService<IDbContextFactory<TProviderContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<TContext>>(provider =>
            new ModuleDbContextFactory<TContext, TProviderContext>(provider.GetRequiredService<IDbContextFactory<TProviderContext>>()));
    }

    private sealed class ModuleDbContextFactory<TContext, TProviderContext>(IDbContextFactory<TProviderContext> inner) : IDbContextFactory<TContext>
        where TContext : DbContext
        where TProviderContext : TContext
    {
        public TContext CreateDbContext() => inner.CreateDbContext();
    }
}
