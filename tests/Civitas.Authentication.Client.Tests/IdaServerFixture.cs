using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.Testing;

namespace Civitas.Authentication.Client.Tests;

/// <summary>
/// A real Civitas host with one eKYC partner onboarded through the admin routes (MISP, policy, partner with its own
/// certificate) and one resident created through the registry route, as a relying party would find them.
/// The partner's files (partner.json, its private key, certificate and the IDA certificate) are written to
/// <see cref="Folder"/> for the CLI and the Node client.
/// </summary>
public sealed class IdaServerFixture : IAsyncLifetime
{
    /// <summary>What the policy lets the partner receive; eKYC asks for more to see the policy filter.</summary>
    public static readonly string[] PolicyKycAttributes = ["fullName", "email", "dateOfBirth"];

    public const string ResidentName = "Amina Diallo";
    public const string ResidentEmail = "amina.diallo@example.org";
    public const string ResidentDob = "1990/04/17";
    public const string ResidentPin = "482915";

    public CivitasTestHost Host { get; private set; } = null!;

    public string Folder { get; } = TestKeys.TempFolder();

    public string Uin { get; private set; } = "";

    public IdaPartnerProfile Profile { get; private set; } = null!;

    public string PartnerJsonPath => Path.Combine(Folder, "partner.json");

    public string PartnerKeyPath => Path.Combine(Folder, "partner-key.pem");

    public string PartnerCertPath => Path.Combine(Folder, "partner-cert.pem");

    public string IdaCertPath => Path.Combine(Folder, "ida-cert.pem");

    public async Task InitializeAsync()
    {
        Host = await CivitasTestHost.StartAsync();
        using var admin = await Host.CreateAdminClientAsync();

        var misp = await PostAsync(admin, "/v1/partners/misps", new { name = "Test MISP" });
        var policy = await PostAsync(admin, "/v1/partners/policies", new
        {
            name = "eKYC test policy",
            allowedAuthTypes = new[] { "otp", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face", "otp-request", "kyc" },
            mandatoryAuthTypes = Array.Empty<string>(),
            allowedKycAttributes = PolicyKycAttributes,
            authTokenType = "PARTNER",
        });
        using var authority = TestKeys.CreateAuthority("CN=Relying Party CA, O=Relying Party");
        using var partnerCertificate = TestKeys.CreateIssued("CN=Civitas client test partner, O=Relying Party", authority);
        var partner = await PostAsync(admin, "/v1/partners", new
        {
            name = "Client test partner",
            kind = "EKYC",
            mispId = Text(misp, "mispId"),
            policyId = Text(policy, "policyId"),
            certificate = partnerCertificate.ExportCertificatePem(),
            caCertificates = new[] { authority.ExportCertificatePem() },
        });
        var idaCertificate = partner.GetProperty("idaCertificate");

        var resident = await PostAsync(admin, "/v1/registry/identities", new
        {
            staticPin = ResidentPin,
            identity = new
            {
                fullName = new[] { new { language = "eng", value = ResidentName } },
                dateOfBirth = ResidentDob,
                gender = new[] { new { language = "eng", value = "Female" } },
                phone = "+221771234567",
                email = ResidentEmail,
                city = new[] { new { language = "eng", value = "Dakar" } },
            },
        });
        Uin = Text(resident, "uin");

        var partnerJson = new JsonObject
        {
            ["baseUrl"] = Host.BaseAddress.ToString().TrimEnd('/'),
            ["mispLicenseKey"] = Text(misp, "licenseKey"),
            ["partnerId"] = Text(partner, "partnerId"),
            ["apiKey"] = Text(partner, "apiKey"),
            ["partnerCertificate"] = partnerCertificate.ExportCertificatePem(),
            ["idaCertificate"] = Text(idaCertificate, "certificate"),
            ["idaThumbprintHex"] = Text(idaCertificate, "thumbprintHex"),
        };
        await File.WriteAllTextAsync(PartnerJsonPath, partnerJson.ToJsonString());
        await File.WriteAllTextAsync(PartnerKeyPath, TestKeys.PrivateKeyPem(partnerCertificate));
        await File.WriteAllTextAsync(PartnerCertPath, partnerCertificate.ExportCertificatePem());
        await File.WriteAllTextAsync(IdaCertPath, Text(idaCertificate, "certificate"));
        if (!OperatingSystem.IsWindows())
        {
            // As onboarding leaves them: the API key and the private key readable by their owner only.
            File.SetUnixFileMode(PartnerJsonPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(PartnerKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Profile = IdaPartnerProfile.Load(PartnerJsonPath, PartnerKeyPath);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A client for the partner, with an HTTP client of its own.</summary>
    public IdaClient CreateClient(TimeProvider? clock = null) => new(new HttpClient(), Profile, clock);

    /// <summary>Another partner's profile: same ids, a certificate the server has never seen.</summary>
    public IdaPartnerProfile WithForeignCertificate() => Profile with { PartnerCertificate = TestKeys.Create("CN=Impostor") };

    public static JsonObject Demographics(string name) =>
        new() { ["name"] = new JsonArray(new JsonObject { ["language"] = "eng", ["value"] = name }) };

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"The answer has no '{name}': {element}");
}
