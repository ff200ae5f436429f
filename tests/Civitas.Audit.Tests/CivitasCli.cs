using System.Diagnostics;
using Civitas.Testing;

namespace Civitas.Audit.Tests;

/// <summary>Runs the real <c>civitas</c> command (built beside the tests) against a test host's data directory and database.</summary>
internal static class CivitasCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(CivitasTestHost host, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "civitas.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--Civitas:DataDirectory={host.DataDirectory}");
        start.ArgumentList.Add($"--ConnectionStrings:Civitas={host.Database.ConnectionString}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
