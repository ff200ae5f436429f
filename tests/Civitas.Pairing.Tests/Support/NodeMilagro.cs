using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Pairing.Tests.Support;

/// <summary>
/// Runs tests/Civitas.Pairing.Tests/node/interop.js (Apache Milagro, milagro-crypto-js 3.3.0) under Node:
/// one JSON request on stdin, one JSON answer on stdout. Fails with a clear message when Node or the
/// npm package is missing (CI runs `npm ci` in that folder).
/// </summary>
internal static class NodeMilagro
{
    public static string Folder => Path.Combine(Repository.Root, "tests", "Civitas.Pairing.Tests", "node");

    public static JsonElement Run(JsonObject request)
    {
        var package = Path.Combine(Folder, "node_modules", "milagro-crypto-js");
        if (!Directory.Exists(package))
        {
            throw new InvalidOperationException(
                $"milagro-crypto-js is not installed: run `npm ci` in {Folder} (needs Node 20 on PATH).");
        }

        var start = new ProcessStartInfo("node", "interop.js")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node interop.js did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node interop.js failed ({process.ExitCode}): {stderr.Result}");
        }

        using var document = JsonDocument.Parse(stdout.Result);
        return document.RootElement.Clone();
    }
}
