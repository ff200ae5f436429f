using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Civitas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Partners.Tests;

/// <summary>`civitas partner onboard` and `list`, run as separate processes against a running host's data.</summary>
public sealed class PartnerCliTests(PartnersFixture fixture) : IClassFixture<PartnersFixture>, IDisposable
{
    private readonly string _workDirectory = System.IO.Directory.CreateTempSubdirectory("civitas-partner-cli-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Onboard_writes_an_owner_only_file_the_host_accepts_and_prints_no_secret()
    {
        using var ca = TestCertificates.RootCa("CLI Partner CA");
        using var certificate = TestCertificates.IssuedBy(ca, "CLI partner");
        var certificateFile = Write("partner-cert.pem", certificate.Pem());
        var caFile = Write("ca.pem", ca.Pem());
        var output = Path.Combine(_workDirectory, "out", "partner.json");

        var (exitCode, console, error) = await RunAsync(
            "partner", "onboard", "--name", "Clinic Portal", "--kind", "ekyc", "--certificate", certificateFile, "--ca-certificate", caFile,
            "--kyc-attributes", "fullName,email", "--base-url", "https://id.example.org/", "--output", output);

        Assert.True(exitCode == 0, error + console);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        }

        var file = JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement;
        Assert.Equal(
            ["baseUrl", "mispLicenseKey", "partnerId", "apiKey", "partnerCertificate", "idaCertificate", "idaThumbprintHex"],
            file.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://id.example.org", file.GetProperty("baseUrl").GetString());
        var licenseKey = file.GetProperty("mispLicenseKey").GetString()!;
        var partnerId = file.GetProperty("partnerId").GetString()!;
        var apiKey = file.GetProperty("apiKey").GetString()!;
        Assert.DoesNotContain(licenseKey, console + error, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, console + error, StringComparison.Ordinal);
        Assert.Contains(partnerId, console, StringComparison.Ordinal);
        Assert.Contains(output, console, StringComparison.Ordinal);

        using (var written = X509Certificate2.CreateFromPem(file.GetProperty("partnerCertificate").GetString()))
        {
            Assert.Equal(certificate.Thumbprint, written.Thumbprint);
        }

        // The thumbprint in the file is the SHA-256 of the certificate in the file, and the one the running host serves.
        using (var ida = X509Certificate2.CreateFromPem(file.GetProperty("idaCertificate").GetString()))
        {
            Assert.Equal(Convert.ToHexString(SHA256.HashData(ida.RawData)), file.GetProperty("idaThumbprintHex").GetString());
        }

        var served = await fixture.Admin.GetFromJsonAsync<JsonElement>("/v1/partners/ida-certificate");
        Assert.Equal(served.GetProperty("thumbprintHex").GetString(), file.GetProperty("idaThumbprintHex").GetString());

        var check = await fixture.Host.Services.GetRequiredService<IPartnerDirectory>().AuthorizeAsync(licenseKey, partnerId, apiKey);
        Assert.True(check.IsAuthorized, check.ErrorMessage);
        Assert.Equal(PartnerKind.Ekyc, check.Partner!.Kind);
        Assert.Equal(["email", "fullName"], check.Partner.Policy.AllowedKycAttributes.Order(StringComparer.Ordinal));
        Assert.Contains("kyc", check.Partner.Policy.AllowedAuthTypes);

        var (listExit, listed, _) = await RunAsync("partner", "list");
        Assert.Equal(0, listExit);
        Assert.Contains(partnerId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, listed, StringComparison.Ordinal);

        // A second partner of the same MISP: named by id, proven by its licence key.
        using var second = TestCertificates.IssuedBy(ca, "CLI partner two");
        var mispId = check.Partner.MispId;
        var secondOutput = Path.Combine(_workDirectory, "second.json");
        var (secondExit, _, secondError) = await RunAsync(
            "partner", "onboard", "--name", "Clinic Two", "--kind", "auth", "--certificate", Write("second.pem", second.Pem()),
            "--misp", mispId, "--misp-license-key", licenseKey, "--output", secondOutput);
        Assert.True(secondExit == 0, secondError);
        var secondFile = JsonDocument.Parse(await File.ReadAllTextAsync(secondOutput)).RootElement;
        Assert.Equal(licenseKey, secondFile.GetProperty("mispLicenseKey").GetString());
        Assert.Equal("http://localhost:5080", secondFile.GetProperty("baseUrl").GetString());
        var secondCheck = await fixture.Host.Services.GetRequiredService<IPartnerDirectory>().AuthorizeAsync(
            licenseKey, secondFile.GetProperty("partnerId").GetString()!, secondFile.GetProperty("apiKey").GetString()!);
        Assert.True(secondCheck.IsAuthorized, secondCheck.ErrorMessage);
        Assert.Equal(mispId, secondCheck.Partner!.MispId);
    }

    [Fact]
    public async Task Bad_certificate_or_unproven_misp_fail_without_a_file()
    {
        using var shortKey = TestCertificates.SelfSigned("Short", isCa: true, keySize: 1024);
        var output = Path.Combine(_workDirectory, "partner.json");

        var (exitCode, _, error) = await RunAsync(
            "partner", "onboard", "--name", "Short", "--kind", "auth", "--certificate", Write("short.pem", shortKey.Pem()), "--output", output);
        Assert.Equal(1, exitCode);
        Assert.Contains("certificate:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var (missingExit, _, missingError) = await RunAsync(
            "partner", "onboard", "--name", "Nobody", "--kind", "auth", "--certificate", Path.Combine(_workDirectory, "none.pem"), "--output", output);
        Assert.Equal(2, missingExit);
        Assert.Contains("does not exist", missingError, StringComparison.Ordinal);

        var (badKindExit, _, badKindError) = await RunAsync(
            "partner", "onboard", "--name", "Payments", "--kind", "payments", "--certificate", Write("any.pem", shortKey.Pem()), "--output", output);
        Assert.Equal(2, badKindExit);
        Assert.Contains("--kind", badKindError, StringComparison.Ordinal);

        var misp = await PartnerSteps.CreateMispAsync(fixture.Admin, "Existing MISP");
        using var own = TestCertificates.SelfSigned("Own", isCa: true);
        var (unprovenExit, _, unprovenError) = await RunAsync(
            "partner", "onboard", "--name", "Guess", "--kind", "auth", "--certificate", Write("own.pem", own.Pem()),
            "--misp", misp.MispId, "--misp-license-key", "WRONGWRONGWRONG1", "--output", output);
        Assert.Equal(2, unprovenExit);
        Assert.Contains("--misp-license-key", unprovenError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_workDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CivitasCli.RunAsync([.. arguments, $"--Civitas:DataDirectory={fixture.Host.DataDirectory}", $"--ConnectionStrings:Civitas={fixture.Host.Database.ConnectionString}"]);
}
