using System.Collections.Concurrent;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>
/// PKCS#11 sessions are not thread-safe, and opening one per call is slow: keep up to N logged-in sessions
/// and hand each to one caller at a time.
/// </summary>
internal sealed class Pkcs11SessionPool : IDisposable
{
    private readonly ISlot _slot;
    private readonly SemaphoreSlim _available;
    private readonly ConcurrentBag<ISession> _idle = [];
    private readonly ConcurrentBag<ISession> _all = [];

    public Pkcs11SessionPool(ISlot slot, string pin, int maxSessions)
    {
        _slot = slot;
        _available = new SemaphoreSlim(maxSessions, maxSessions);
        // Login state belongs to the application, not the session: logging in once covers every session we open.
        var first = Open();
        try
        {
            first.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
        }
        _idle.Add(first);
    }

    public T Run<T>(Func<ISession, T> operation)
    {
        _available.Wait();
        var session = _idle.TryTake(out var idle) ? idle : Open();
        try
        {
            return operation(session);
        }
        finally
        {
            _idle.Add(session);
            _available.Release();
        }
    }

    private ISession Open()
    {
        var session = _slot.OpenSession(SessionType.ReadWrite);
        _all.Add(session);
        return session;
    }

    public void Dispose()
    {
        foreach (var session in _all)
        {
            session.Dispose();
        }
        _available.Dispose();
    }
}
