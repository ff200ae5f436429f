using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Civitas.Common.Hosting;
using Civitas.Partners.Admin;
using Civitas.Partners.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas partner onboard</c>: creates a MISP (unless an existing one is named), a policy and the partner in one
/// go and writes everything the partner needs to call ID authentication to an owner-only JSON file; the console shows
/// ids and routes only, never the licence or API key. <c>civitas partner list</c> lists partners.
/// </summary>
internal static class PartnerCommand
{
    private static readonly string[] AuthTypesForAuth = ["otp", "otp-request", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face"];

    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true };

    public static Command Create()
    {
        var partner = new Command("partner", "Partners of ID authentication (MISPs, policies, API keys).");
        partner.Subcommands.Add(CreateOnboard());
        partner.Subcommands.Add(CreateList());
        return partner;
    }

    private static Command CreateOnboard()
    {
        var name = new Option<string>("--name") { Description = "The partner's name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "auth (authentication) or ekyc (authentication and eKYC).", Required = true };
        var certificate = new Option<FileInfo>("--certificate") { Description = "The partner's own certificate (PEM, RSA 2048 bits or more).", Required = true };
        var caCertificates = new Option<FileInfo[]>("--ca-certificate") { Description = "A CA certificate of its issuing chain (PEM); repeat for each. Leave out for a self-signed CA:TRUE certificate." };
        var authTypes = new Option<string?>("--auth-types") { Description = "Comma-separated allowed auth types (default: all; eKYC partners also kyc)." };
        var kycAttributes = new Option<string?>("--kyc-attributes") { Description = "Comma-separated eKYC attributes (default: all for ekyc, none for auth)." };
        var tokenType = new Option<string>("--auth-token-type") { Description = "PARTNER, POLICY or RANDOM.", DefaultValueFactory = _ => "PARTNER" };
        var misp = new Option<string?>("--misp") { Description = "An existing MISP's id or name (needs --misp-license-key), or the name of a new MISP." };
        var mispLicenseKey = new Option<string?>("--misp-license-key") { Description = "The licence key of the existing MISP named by --misp." };
        var baseUrl = new Option<string>("--base-url") { Description = "Where the partner reaches Civitas (written to the file).", DefaultValueFactory = _ => "http://localhost:5080" };
        var output = new Option<FileInfo>("--output") { Description = "The partner file to write (owner-only).", Required = true };

        var onboard = new Command("onboard", "Create a MISP, a policy and a partner, and write the partner's file.") { TreatUnmatchedTokensAsErrors = false };
        foreach (var option in new Option[] { name, kind, certificate, caCertificates, authTypes, kycAttributes, tokenType, misp, mispLicenseKey, baseUrl, output })
        {
            onboard.Options.Add(option);
        }

        onboard.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            (services, ct) => OnboardAsync(
                new OnboardArguments(
                    result.GetValue(name)!, result.GetValue(kind)!, result.GetValue(certificate)!, result.GetValue(caCertificates) ?? [],
                    result.GetValue(authTypes), result.GetValue(kycAttributes), result.GetValue(tokenType)!, result.GetValue(misp),
                    result.GetValue(mispLicenseKey), result.GetValue(baseUrl)!, result.GetValue(output)!),
                services.GetRequiredService<IPartnerAdministration>(),
                ct),
            cancellationToken));
        return onboard;
    }

    private static Command CreateList()
    {
        var list = new Command("list", "List partners (ids, kind, status, MISP, policy).") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((result, cancellationToken) => CliHost.RunAsync(
            result.UnmatchedTokens,
            async (services, ct) =>
            {
                var partners = await services.GetRequiredService<IPartnerAdministration>().ListPartnersAsync(ct);
                foreach (var partner in partners)
                {
                    await Console.Out.WriteLineAsync($"{partner.PartnerId}\t{partner.Kind}\t{partner.Status}\t{partner.MispId}\t{partner.PolicyId}\t{partner.Name}");
                }

                await Console.Out.WriteLineAsync($"{partners.Count} partner(s).");
                return 0;
            },
            cancellationToken));
        return list;
    }

    private static async Task<int> OnboardAsync(OnboardArguments arguments, IPartnerAdministration administration, CancellationToken cancellationToken)
    {
        if (!string.Equals(arguments.Kind, "auth", StringComparison.OrdinalIgnoreCase) && !string.Equals(arguments.Kind, "ekyc", StringComparison.OrdinalIgnoreCase))
        {
            return await FailAsync("--kind must be auth or ekyc.", CliHost.ConfigurationError);
        }

        if (string.IsNullOrWhiteSpace(arguments.Name) || arguments.Name.Trim().Length > 120)
        {
            return await FailAsync("--name must have 1 to 120 characters.", CliHost.ConfigurationError);
        }

        foreach (var file in arguments.CaCertificates.Prepend(arguments.Certificate))
        {
            if (!file.Exists)
            {
                return await FailAsync($"{file.FullName} does not exist.", CliHost.ConfigurationError);
            }
        }

        var certificatePem = await File.ReadAllTextAsync(arguments.Certificate.FullName, cancellationToken);
        var caPems = new List<string?>();
        foreach (var file in arguments.CaCertificates)
        {
            caPems.Add(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }

        // Check what can be checked before anything is created, so a bad certificate leaves no MISP or policy behind.
        var certificateProblems = administration.CheckCertificates(certificatePem, caPems.Count == 0 ? null : caPems);
        if (certificateProblems.Count > 0)
        {
            return await FailAsync(Describe(certificateProblems), 1);
        }

        var ekyc = string.Equals(arguments.Kind, "ekyc", StringComparison.OrdinalIgnoreCase);
        var (mispId, licenseKey, mispProblem) = await ResolveMispAsync(arguments, administration, cancellationToken);
        if (mispProblem is not null)
        {
            return await FailAsync(mispProblem, CliHost.ConfigurationError);
        }

        string[] defaultAuthTypes = ekyc ? [.. AuthTypesForAuth, "kyc"] : AuthTypesForAuth;
        string[] defaultKycAttributes = ekyc ? [.. PolicyRules.KycAttributes] : [];
        var policy = await administration.CreatePolicyAsync(
            new CreatePolicyRequest(
                Truncate(arguments.Name + " policy"),
                Split(arguments.AuthTypes) ?? defaultAuthTypes,
                [],
                Split(arguments.KycAttributes) ?? defaultKycAttributes,
                arguments.AuthTokenType),
            cancellationToken);
        if (!policy.Succeeded)
        {
            return await FailAsync(policy.Describe(), 1);
        }

        if (mispId is null)
        {
            var created = await administration.CreateMispAsync(new CreateMispRequest(arguments.Misp ?? Truncate(arguments.Name + " MISP"), null), cancellationToken);
            if (!created.Succeeded)
            {
                return await FailAsync(created.Describe(), 1);
            }

            (mispId, licenseKey) = (created.Value!.MispId, created.Value.LicenseKey);
        }

        var partner = await administration.CreatePartnerAsync(
            new CreatePartnerRequest(null, arguments.Name, arguments.Kind, mispId, policy.Value!.PolicyId, certificatePem, caPems.Count == 0 ? null : caPems),
            cancellationToken);
        if (!partner.Succeeded)
        {
            return await FailAsync(partner.Describe(), 1);
        }

        var onboarded = partner.Value!;
        var stored = await administration.GetPartnerAsync(onboarded.PartnerId, cancellationToken);
        var partnerFile = new PartnerFile(
            arguments.BaseUrl.TrimEnd('/'), licenseKey!, onboarded.PartnerId, onboarded.ApiKey, stored!.Certificate,
            onboarded.IdaCertificate.Certificate, onboarded.IdaCertificate.ThumbprintHex);
        SecretFile.WriteAllText(arguments.Output.FullName, JsonSerializer.Serialize(partnerFile, FileFormat) + "\n");

        var route = $"{partnerFile.BaseUrl}/idauthentication/v1/{{auth|otp{(ekyc ? "|kyc" : "")}}}/<mispLicenseKey>/{onboarded.PartnerId}/<apiKey>";
        await Console.Out.WriteLineAsync($"Onboarded {onboarded.Kind} partner {onboarded.PartnerId} (MISP {mispId}, policy {policy.Value.PolicyId}).");
        await Console.Out.WriteLineAsync($"It calls POST {route}");
        await Console.Out.WriteLineAsync($"and encrypts to the IDA certificate with thumbprint {onboarded.IdaCertificate.ThumbprintHex}.");
        await Console.Out.WriteLineAsync($"Its licence key, API key and certificates are in {arguments.Output.FullName} (owner-only); hand that file over securely.");
        return 0;
    }

    private static async Task<(string? MispId, string? LicenseKey, string? Problem)> ResolveMispAsync(
        OnboardArguments arguments, IPartnerAdministration administration, CancellationToken cancellationToken)
    {
        if (arguments.Misp is null)
        {
            return (null, null, arguments.MispLicenseKey is null ? null : "--misp-license-key needs --misp.");
        }

        var existing = await administration.FindMispIdAsync(arguments.Misp, cancellationToken);
        if (existing is null)
        {
            return (null, null, arguments.MispLicenseKey is null ? null : $"No MISP {arguments.Misp} exists (or the name is not unique); leave out --misp-license-key to create it.");
        }

        if (arguments.MispLicenseKey is null || !await administration.IsLicenseOfAsync(existing, arguments.MispLicenseKey, cancellationToken))
        {
            return (null, null, $"MISP {existing} exists: give its licence key with --misp-license-key (the file must carry it).");
        }

        return (existing, arguments.MispLicenseKey, null);
    }

    private static string[]? Split(string? list) =>
        list is null ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Truncate(string text) => text.Length <= 128 ? text : text[..128];

    private static string Describe(IReadOnlyDictionary<string, string[]> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(' ', p.Value)}"));

    private static async Task<int> FailAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync("civitas: " + message);
        return exitCode;
    }

    private sealed record OnboardArguments(
        string Name, string Kind, FileInfo Certificate, FileInfo[] CaCertificates, string? AuthTypes, string? KycAttributes,
        string AuthTokenType, string? Misp, string? MispLicenseKey, string BaseUrl, FileInfo Output);

    /// <summary>The partner file: the shape the client SDK and <c>civitas auth</c> read.</summary>
    private sealed record PartnerFile(
        [property: JsonPropertyName("baseUrl")] string BaseUrl,
        [property: JsonPropertyName("mispLicenseKey")] string MispLicenseKey,
        [property: JsonPropertyName("partnerId")] string PartnerId,
        [property: JsonPropertyName("apiKey")] string ApiKey,
        [property: JsonPropertyName("partnerCertificate")] string PartnerCertificate,
        [property: JsonPropertyName("idaCertificate")] string IdaCertificate,
        [property: JsonPropertyName("idaThumbprintHex")] string IdaThumbprintHex);
}
