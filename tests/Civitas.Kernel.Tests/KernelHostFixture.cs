using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Kernel.Tests;

/// <summary>One host per test class with small, fast kernel settings and a client holding only the kernel scope.</summary>
public class KernelHostFixture : IAsyncLifetime
{
    public const string UinSalt = "test-uin-salt";
    public const string PartnerSalt = "test-partner-salt";

    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Civitas:Kernel:Uin:UinsToGenerate"] = "2000",
        ["Civitas:Kernel:Uin:MinUnusedThreshold"] = "500",
        ["Civitas:Kernel:StaticToken:UinSalt"] = UinSalt,
        ["Civitas:Kernel:StaticToken:PartnerCodeSalt"] = PartnerSalt,
    };

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync(Settings);
        Client = await Host.CreateServiceClientAsync(CivitasScopes.Kernel);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
