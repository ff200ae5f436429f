using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Registry.Tests;

public sealed class RegistryRestartTests
{
    [Fact]
    public async Task Records_open_after_a_restart_with_the_same_keys()
    {
        await using var host = await CivitasTestHost.StartAsync();
        string uin;
        using (var registry = await host.CreateServiceClientAsync(CivitasScopes.Registry))
        using (var created = await registry.PostAsJsonAsync("/v1/registry/identities", Residents.Amina()))
        {
            uin = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uin").GetString()!;
        }

        await host.RestartAsync();

        using var again = await host.CreateServiceClientAsync(CivitasScopes.Registry);
        using var read = await again.GetAsync($"/v1/registry/identities/{uin}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("amina.diallo@example.org", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identity").GetProperty("email").GetString());
    }
}
