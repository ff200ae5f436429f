using System.Diagnostics;

namespace Civitas.Testing;

/// <summary>Runs the real `civitas` command as a separate process, as an operator would.</summary>
public static class CivitasCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        // The CLI is built by the solution build in the same configuration as the tests; run its own output folder.
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var binary = Path.Combine(RepositoryPaths.Root, "src", "Civitas.Cli", "bin", configuration, "net10.0", "civitas.dll");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"{binary} was not built; build Civitas.slnx (or src/Civitas.Cli) first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(binary);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
