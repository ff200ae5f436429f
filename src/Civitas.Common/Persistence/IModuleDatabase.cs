namespace Civitas.Common.Persistence;

/// <summary>A module's database: its name and its migrations. The host migrates all of them at start-up.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Type ContextType { get; }

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken cancellationToken);
}
