using System.CommandLine;
using Civitas.Keys;
using Civitas.Keys.Management;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Cli.Commands;

/// <summary>
/// <c>civitas keys list | rotate | export</c>: the key manager from the command line, on the same configuration
/// and database as <c>civitas serve</c>. Prints certificates and metadata only, never private key material.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var application = new Option<string?>("--app") { Description = "Application id (e.g. KERNEL, IDA, ROOT)." };
        var reference = new Option<string?>("--ref") { Description = "Reference id; empty for the application's master key." };
        var output = new Option<string?>("--out") { Description = "File to write the PEM certificate to (default: standard output)." };

        var list = new Command("list", "List keys with their thumbprints, lifetimes and state.") { TreatUnmatchedTokensAsErrors = false };
        list.Options.Add(application);
        list.SetAction((result, token) => CliHost.RunAsync(result.UnmatchedTokens, (services, _) =>
            Task.FromResult(List(services, result.GetValue(application))), token));

        var rotate = new Command("rotate", "Make a new current key for --app/--ref; the old one keeps decrypting older data.") { TreatUnmatchedTokensAsErrors = false };
        rotate.Options.Add(application);
        rotate.Options.Add(reference);
        rotate.SetAction((result, token) => CliHost.RunAsync(result.UnmatchedTokens, (services, _) =>
            Task.FromResult(Rotate(services, result.GetValue(application), result.GetValue(reference))), token));

        var export = new Command("export", "Write the current certificate of --app/--ref as PEM.") { TreatUnmatchedTokensAsErrors = false };
        export.Options.Add(application);
        export.Options.Add(reference);
        export.Options.Add(output);
        export.SetAction((result, token) => CliHost.RunAsync(result.UnmatchedTokens, (services, _) =>
            Task.FromResult(Export(services, result.GetValue(application), result.GetValue(reference), result.GetValue(output))), token));

        var keys = new Command("keys", "Key manager commands.");
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(rotate);
        keys.Subcommands.Add(export);
        return keys;
    }

    private static int List(IServiceProvider services, string? application)
    {
        var keys = services.GetRequiredService<IKeyManager>().GetAllCertificates(application, null);
        Console.Out.WriteLine("APPLICATION\tREFERENCE\tTHUMBPRINT\tISSUED\tEXPIRES\tSTATE");
        foreach (var key in keys)
        {
            var state = key.RevokedAtUtc is not null ? "revoked" : key.ExpiresAtUtc < DateTime.UtcNow ? "expired" : key.HasPrivateKey ? "active" : "other-domain";
            Console.Out.WriteLine($"{key.ApplicationId}\t{(key.ReferenceId.Length == 0 ? "-" : key.ReferenceId)}\t{key.Thumbprint}\t{key.IssuedAtUtc:yyyy-MM-ddTHH:mm:ssZ}\t{key.ExpiresAtUtc:yyyy-MM-ddTHH:mm:ssZ}\t{state}");
        }
        return 0;
    }

    private static int Rotate(IServiceProvider services, string? application, string? reference) => Guard(() =>
    {
        var key = services.GetRequiredService<IKeyManager>().GenerateKey(Required(application), reference, force: true, subject: null);
        Console.Out.WriteLine($"Rotated {key.ApplicationId}/{(key.ReferenceId.Length == 0 ? "-" : key.ReferenceId)}: new thumbprint {key.Thumbprint}, expires {key.ExpiresAtUtc:yyyy-MM-ddTHH:mm:ssZ}");
    });

    private static int Export(IServiceProvider services, string? application, string? reference, string? file) => Guard(() =>
    {
        var pem = services.GetRequiredService<IKeyManager>().GetCertificate(Required(application), reference).CertificatePem;
        if (string.IsNullOrEmpty(file))
        {
            Console.Out.WriteLine(pem);
        }
        else
        {
            File.WriteAllText(file, pem + Environment.NewLine);
            Console.Out.WriteLine($"Certificate written to {file}");
        }
    });

    private static string Required(string? application) =>
        string.IsNullOrWhiteSpace(application) ? throw new KeysException(KeysErrors.MissingParameter, "--app") : application;

    private static int Guard(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (KeysException e)
        {
            Console.Error.WriteLine($"civitas keys: {e.Error.Code} {e.Error.Message}");
            return 1;
        }
    }
}
