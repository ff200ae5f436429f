using Civitas.Testing;

namespace Civitas.Host.Tests;

/// <summary>One running host (with the probe routes) shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await CivitasTestHost.StartAsync(mapExtra: EnvelopeProbeRoutes.Map);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
