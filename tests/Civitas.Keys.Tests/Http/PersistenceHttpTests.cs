using Civitas.Common.Security;
using Civitas.Host;
using Civitas.Keys.Encryption;
using Civitas.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Keys.Tests.Http;

/// <summary>Keys survive a restart, and a second host on the same database (SQLite file or PostgreSQL) uses the same keys.</summary>
public sealed class PersistenceHttpTests
{
    [Fact]
    public async Task A_restart_and_a_second_process_on_the_same_database_see_the_same_keys()
    {
        // A fixed public address keeps the token issuer stable across the restart's new port and the second host.
        await using var host = await CivitasTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Civitas:Keys:KeyEncryptionKey"] = KeysHostFixture.KeyEncryptionKey,
            ["Civitas:PublicBaseUrl"] = "http://civitas.test",
        });
        string certificate;
        string ciphertext;
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Keys))
        {
            certificate = (await MosipCall.GetAsync(client, "/v1/keymanager/getCertificate?applicationId=RESIDENT&referenceId=R")).Response().Text("certificate");
            ciphertext = (await MosipCall.PostAsync(client, "/v1/keymanager/encrypt", new { applicationId = "RESIDENT", referenceId = "R", data = "c3RpbGwgaGVyZQ" })).Response().Text("data");
        }

        await host.RestartAsync();
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Keys))
        {
            Assert.Equal(certificate, (await MosipCall.GetAsync(client, "/v1/keymanager/getCertificate?applicationId=RESIDENT&referenceId=R")).Response().Text("certificate"));
            var opened = (await MosipCall.PostAsync(client, "/v1/keymanager/decrypt", new { applicationId = "RESIDENT", referenceId = "R", data = ciphertext })).Response().Text("data");
            Assert.Equal("c3RpbGwgaGVyZQ", opened);
        }

        // A second host process-equivalent: its own data directory, the first one's database, the shared KEK.
        var connection = host.Database.IsPostgres
            ? host.Database.ConnectionString
            : $"Data Source={Path.Combine(host.DataDirectory, "civitas.db")}";
        var secondData = Path.Combine(Path.GetTempPath(), "civitas-second-" + Guid.NewGuid().ToString("N")[..8]);
        var second = CivitasApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Civitas:DataDirectory={secondData}",
            $"--ConnectionStrings:Civitas={connection}",
            $"--Civitas:Keys:KeyEncryptionKey={KeysHostFixture.KeyEncryptionKey}",
            "--Civitas:PublicBaseUrl=http://civitas.test",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await CivitasApplication.PrepareAsync(second);
            await second.StartAsync();
            var address = second.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // The service clients live in the shared database too: the second host issues a token to the first host's admin client.
            using var client = new HttpClient { BaseAddress = new Uri(address + "/") };
            var admin = host.ReadBootstrapCredentials();
            using var tokenResponse = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = admin.ClientId,
                ["client_secret"] = admin.ClientSecret,
            }));
            var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement;
            Assert.True(tokenResponse.IsSuccessStatusCode, token.ToString());
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
            Assert.Equal(certificate, (await MosipCall.GetAsync(client, "/v1/keymanager/getCertificate?applicationId=RESIDENT&referenceId=R")).Response().Text("certificate"));
            var opened = (await MosipCall.PostAsync(client, "/v1/keymanager/decrypt", new { applicationId = "RESIDENT", referenceId = "R", data = ciphertext })).Response().Text("data");
            Assert.Equal("c3RpbGwgaGVyZQ", opened);
            Assert.True(Base64Input.TryDecode(opened, out _));
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
            try
            {
                Directory.Delete(secondData, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
