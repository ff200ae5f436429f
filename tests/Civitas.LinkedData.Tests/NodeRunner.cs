using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// Runs the independent npm implementations in tests/Civitas.LinkedData.Tests/node (installed by `npm ci` there).
/// A missing Node or node_modules fails the test with instructions; it never skips.
/// </summary>
internal static class NodeRunner
{
    public static JsonObject Run(string script, string argument, JsonObject request)
    {
        var folder = TestPaths.NodeFolder;
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"npm packages are missing: run `npm ci` in {folder} (Node 20).");
        }

        var psi = new ProcessStartInfo("node", [script, argument])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("`node` (Node 20) must be on PATH for the interop tests.", ex);
        }

        using (process)
        {
            process.StandardInput.Write(request.ToJsonString());
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || stdout.Length == 0)
            {
                throw new InvalidOperationException($"node {script} {argument} failed ({process.ExitCode}): {stderr.Result}");
            }

            return JsonNode.Parse(stdout)!.AsObject();
        }
    }

    public static JsonObject ExtraContexts() =>
        new() { [Civitas.LinkedData.JsonLd.CivitasContext.Url] = Civitas.LinkedData.JsonLd.CivitasContext.Json };

    public static bool Verified(JsonObject result) =>
        result["verified"]?.GetValueKind() == JsonValueKind.True;
}
