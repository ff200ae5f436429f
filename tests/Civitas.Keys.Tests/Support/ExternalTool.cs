using System.Diagnostics;

namespace Civitas.Keys.Tests.Support;

/// <summary>Runs an outside program (openssl, node, softhsm2-util) and returns what it printed.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, string? standardInput = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string RunOk(string fileName, params string[] arguments)
    {
        var (exit, output, error) = Run(fileName, arguments);
        Assert.True(exit == 0, $"{fileName} {string.Join(' ', arguments)} failed ({exit}): {error}{output}");
        return output;
    }
}
