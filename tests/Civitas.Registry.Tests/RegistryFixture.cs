using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Registry.Tests;

/// <summary>One host and one registry client shared by a test class.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync();
        Registry = await Host.CreateServiceClientAsync(CivitasScopes.Registry);
    }

    public async Task DisposeAsync()
    {
        Registry.Dispose();
        await Host.DisposeAsync();
    }
}
