using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Partners.Tests;

public sealed class PartnersRestartTests
{
    [Fact]
    public async Task Partners_keys_and_the_IDA_certificate_survive_a_restart()
    {
        await using var host = await CivitasTestHost.StartAsync();
        using var ca = TestCertificates.RootCa("Restart CA");
        Onboarded partner;
        string thumbprint;
        using (var admin = await host.CreateServiceClientAsync(CivitasScopes.Admin))
        {
            partner = await PartnerSteps.OnboardAsync(admin, ca, "AUTH", null, null);
            thumbprint = (await admin.GetFromJsonAsync<JsonElement>("/v1/partners/ida-certificate")).GetProperty("thumbprintHex").GetString()!;
        }

        await host.RestartAsync();

        var check = await host.Services.GetRequiredService<IPartnerDirectory>().AuthorizeAsync(partner.LicenseKey, partner.PartnerId, partner.ApiKey);
        Assert.True(check.IsAuthorized, check.ErrorMessage);
        using var again = await host.CreateServiceClientAsync(CivitasScopes.Admin);
        using var read = await again.GetAsync($"/v1/partners/{partner.PartnerId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(thumbprint, (await again.GetFromJsonAsync<JsonElement>("/v1/partners/ida-certificate")).GetProperty("thumbprintHex").GetString());
    }
}
