using Microsoft.EntityFrameworkCore;

namespace Civitas.Keys.Persistence;

/// <summary>
/// Opens a short-lived context per operation. Key services are singletons shared by all requests and
/// cache what they read, so they cannot hold a request-scoped context.
/// </summary>
internal sealed class KeysDatabase
{
    private readonly IDbContextFactory<KeysDbContext> _factory;

    public KeysDatabase(IDbContextFactory<KeysDbContext> factory) => _factory = factory;

    public T Use<T>(Func<KeysDbContext, T> work)
    {
        using var context = _factory.CreateDbContext();
        return work(context);
    }
}
