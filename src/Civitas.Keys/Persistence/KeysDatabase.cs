namespace Civitas.Keys.Persistence;

/// <summary>
/// Opens a short-lived context per operation. Key services are singletons shared by all requests and
/// cache what they read, so they cannot hold a request-scoped context.
/// </summary>
internal sealed class KeysDatabase
{
    private readonly Func<(KeysDbContext Context, IDisposable Lifetime)> _open;

    public KeysDatabase(Func<(KeysDbContext Context, IDisposable Lifetime)> open) => _open = open;

    public T Use<T>(Func<KeysDbContext, T> work)
    {
        var (context, lifetime) = _open();
        using (lifetime)
        {
            return work(context);
        }
    }
}
