using System.Security.Cryptography;
using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Keys.Tests.Http;

/// <summary>One real host (Kestrel, temp data directory, SQLite or PostgreSQL per CI leg) shared by a test class.</summary>
public sealed class KeysHostFixture : IAsyncLifetime
{
    /// <summary>Fixed so a second host on the same database can open the same software-store keys.</summary>
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Keys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync(new Dictionary<string, string?> { ["Civitas:Keys:KeyEncryptionKey"] = KeyEncryptionKey });
        Keys = await Host.CreateServiceClientAsync(CivitasScopes.Keys);
    }

    public async Task RefreshClientAsync()
    {
        Keys.Dispose();
        Keys = await Host.CreateServiceClientAsync(CivitasScopes.Keys);
    }

    public async Task DisposeAsync()
    {
        Keys.Dispose();
        await Host.DisposeAsync();
    }
}
