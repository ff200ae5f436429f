using System.Diagnostics;
using System.Text.Json;

namespace Civitas.Authentication.Client.Tests;

/// <summary>Runs node/ida-client.mjs (Node's built-in crypto only) and returns its JSON output.</summary>
internal static class NodeClient
{
    /// <summary>Null when no <c>node</c> is on the PATH (the tests then say so and skip).</summary>
    public static readonly string? Executable = Find();

    public static async Task<JsonElement> RunAsync(IdaServerFixture server, string name, string attributes)
    {
        var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "node", "ida-client.mjs"));
        // "--name=value", not "--name value": an API key or licence key may start with '-', which Node's parseArgs
        // would otherwise read as another option (seen in CI with a random base64url key).
        foreach (var (option, value) in new[]
        {
            ("base-url", server.Profile.BaseUrl),
            ("license-key", server.Profile.MispLicenseKey),
            ("partner-id", server.Profile.PartnerId),
            ("api-key", server.Profile.ApiKey),
            ("partner-key", server.PartnerKeyPath),
            ("partner-cert", server.PartnerCertPath),
            ("ida-cert", server.IdaCertPath),
            ("uin", server.Uin),
            ("name", name),
            ("attributes", attributes),
        })
        {
            start.ArgumentList.Add($"--{option}={value}");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await error}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Skips when Node.js is absent (CI installs it; .ci/run does).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeClient.Executable is null)
        {
            Skip = "node is not on the PATH: the independent Node.js client cannot run (.ci/run installs Node 20).";
        }
    }
}
