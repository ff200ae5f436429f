using Civitas.Testing;

namespace Civitas.Audit.Tests;

/// <summary>One running host shared by the tests of a class; tests keep apart by using their own event types and ids.</summary>
public sealed class AuditHostFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Kernel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync();
        Kernel = await Host.CreateServiceClientAsync(Common.Security.CivitasScopes.Kernel);
    }

    public async Task DisposeAsync()
    {
        Kernel.Dispose();
        await Host.DisposeAsync();
    }
}
