using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Common.Security;
using Civitas.Keys.Encryption;
using Civitas.Keys.Persistence;
using Civitas.Keys.Tests.Support;
using Civitas.Testing;
using Jose;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using JWT = Jose.JWT;

namespace Civitas.Keys.Tests.Http;

/// <summary>
/// The whole host configured with <c>Civitas:Keys:Store=Pkcs11</c> against a SoftHSM2 token created in a temp
/// directory: the routes work over HTTP, the keys survive a restart, and ROOT, the masters and KERNEL/SIGN have
/// their private keys in the token only.
/// </summary>
public sealed class Pkcs11HostTests
{
    private static readonly byte[] Claims = """{"sub":"4000000001","hsm":true}"""u8.ToArray();

    private static Dictionary<string, string?> Settings => new()
    {
        ["Civitas:Keys:Store"] = "Pkcs11",
        ["Civitas:Keys:Pkcs11:LibraryPath"] = SoftHsm.LibraryPath,
        ["Civitas:Keys:Pkcs11:TokenLabel"] = SoftHsm.TokenLabel,
        ["Civitas:Keys:Pkcs11:Pin"] = SoftHsm.Pin,
    };

    [Fact]
    public async Task The_host_on_SoftHSM2_serves_every_key_route_keeps_its_keys_across_a_restart_and_holds_store_keys_only_in_the_token()
    {
        // Creates the temp token and points SOFTHSM2_CONF at it before the host loads the module.
        var testSide = SoftHsm.Store;
        await using var host = await CivitasTestHost.StartAsync(Settings);

        var plaintext = RandomNumberGenerator.GetBytes(200);
        string rootPem, masterPem, signPem, basePem, ciphertext, jws;
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Keys))
        {
            rootPem = await Certificate(client, "ROOT", null);
            masterPem = await Certificate(client, "IDA", null);
            signPem = await Certificate(client, "KERNEL", "SIGN");
            basePem = await Certificate(client, "IDA", "HSM-PARTNER");

            // Chains signed inside the token verify with openssl.
            var (chainOk, chainOutput) = OpenSsl.VerifyChain(rootPem, basePem, masterPem);
            Assert.True(chainOk, chainOutput);
            (chainOk, chainOutput) = OpenSsl.VerifyChain(rootPem, signPem, await Certificate(client, "KERNEL", null));
            Assert.True(chainOk, chainOutput);

            ciphertext = (await MosipCall.PostAsync(client, "/v1/keymanager/encrypt", new { applicationId = "IDA", referenceId = "HSM-PARTNER", data = Base64Input.EncodeUrl(plaintext) }))
                .Response().Text("data");
            Assert.Equal(plaintext, await Decrypt(client, ciphertext));

            // A ciphertext made by the test's own encoder (platform primitives, not Civitas) to the base key opens too.
            using (var baseCertificate = X509Certificate2.CreateFromPem(basePem))
            using (var basePublic = baseCertificate.GetRSAPublicKey()!)
            {
                var independent = MosipTestEncoder.EncryptVersioned(basePublic, baseCertificate.RawData, plaintext);
                Assert.Equal(plaintext, await Decrypt(client, Base64Input.EncodeUrl(independent)));
            }

            jws = await JwtSign(client);
            using (var signCertificate = X509Certificate2.CreateFromPem(signPem))
            {
                Assert.Equal(Claims, JWT.DecodeBytes(jws, signCertificate.GetRSAPublicKey(), JwsAlgorithm.RS256));
            }
            Assert.True(await JwtVerify(client, jws));

            foreach (var (application, reference) in new[] { ("IDA", ""), ("KERNEL", "SIGN") })
            {
                var csr = (await MosipCall.PostAsync(client, "/v1/keymanager/generateCSR", new
                {
                    applicationId = application,
                    referenceId = reference,
                    commonName = "hsm.example.org",
                    organizationUnit = "Keys",
                    organization = "Civitas",
                    location = "Bengaluru",
                    state = "KA",
                    country = "IN",
                })).Response().Text("certSignRequest");
                var (csrOk, subject) = OpenSsl.VerifyCsr(csr);
                Assert.True(csrOk, $"{application}/{reference}: {csr}");
                Assert.Contains("CN=hsm.example.org", subject, StringComparison.Ordinal);
            }
        }

        await host.RestartAsync();
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Keys))
        {
            Assert.Equal(rootPem, await Certificate(client, "ROOT", null));
            Assert.Equal(masterPem, await Certificate(client, "IDA", null));
            Assert.Equal(signPem, await Certificate(client, "KERNEL", "SIGN"));
            Assert.Equal(basePem, await Certificate(client, "IDA", "HSM-PARTNER"));
            Assert.Equal(plaintext, await Decrypt(client, ciphertext));
            Assert.True(await JwtVerify(client, jws));
            var after = await JwtSign(client);
            using var signCertificate = X509Certificate2.CreateFromPem(signPem);
            Assert.Equal(Claims, JWT.DecodeBytes(after, signCertificate.GetRSAPublicKey(), JwsAlgorithm.RS256));
        }

        // Where the private keys are: read the key tables directly, and ask the token through the test's own session.
        var factory = host.Services.GetRequiredService<IDbContextFactory<KeysDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var records = await db.KeyAliases.AsNoTracking().ToListAsync();
        Assert.Empty(await db.StoredKeys.AsNoTracking().ToListAsync());
        foreach (var pem in new[] { rootPem, masterPem, signPem })
        {
            var record = Assert.Single(records, r => r.CertificatePem.Trim() == pem.Trim());
            Assert.Equal(PrivateKeyLocations.Store, record.PrivateKeyLocation);
            Assert.Null(record.WrappedPrivateKey);
            Assert.Equal((true, false), testSide.PrivateKeyProtection(record.Alias));
        }
        // Base keys are software keys wrapped by their master, which the token holds.
        var baseRecord = Assert.Single(records, r => r.CertificatePem.Trim() == basePem.Trim());
        Assert.Equal(PrivateKeyLocations.Wrapped, baseRecord.PrivateKeyLocation);
        Assert.Equal(records.Single(r => r.CertificatePem.Trim() == masterPem.Trim()).Alias, baseRecord.WrappedBy);
    }

    private static async Task<string> Certificate(HttpClient client, string application, string? reference) =>
        (await MosipCall.GetAsync(client, $"/v1/keymanager/getCertificate?applicationId={application}&referenceId={reference}")).Response().Text("certificate");

    private static async Task<byte[]> Decrypt(HttpClient client, string ciphertext)
    {
        var opened = (await MosipCall.PostAsync(client, "/v1/keymanager/decrypt", new { applicationId = "IDA", referenceId = "HSM-PARTNER", data = ciphertext })).Response().Text("data");
        Assert.True(Base64Input.TryDecode(opened, out var bytes));
        return bytes;
    }

    private static async Task<string> JwtSign(HttpClient client) =>
        (await MosipCall.PostAsync(client, "/v1/keymanager/jwtSign", new
        {
            dataToSign = Base64Input.EncodeUrl(Claims),
            applicationId = "KERNEL",
            referenceId = "SIGN",
            includePayload = true,
            includeCertificate = true,
        })).Response().Text("jwtSignedData");

    private static async Task<bool> JwtVerify(HttpClient client, string jws) =>
        (await MosipCall.PostAsync(client, "/v1/keymanager/jwtVerify", new { jwtSignatureData = jws, applicationId = "KERNEL", referenceId = "SIGN", validateTrust = false }))
            .Response().GetProperty("signatureValid").GetBoolean();
}
