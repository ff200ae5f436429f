using System.Diagnostics;

namespace Civitas.Benchmarks.LinkedData;

/// <summary>Runs tests/Civitas.LinkedData.Tests/node/bench.mjs (jsonld.js, jsonld-signatures) on the same credential.</summary>
internal static class NodeComparison
{
    public static void Run()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Civitas.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("run from inside the repository");
        }

        var node = Path.Combine(dir.FullName, "tests", "Civitas.LinkedData.Tests", "node");
        var psi = new ProcessStartInfo("node", ["bench.mjs", Path.Combine(AppContext.BaseDirectory, "credential.json")])
        {
            WorkingDirectory = node,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        Console.WriteLine(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
    }
}
