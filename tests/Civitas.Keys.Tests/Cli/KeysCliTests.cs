using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Cli;

/// <summary>`civitas keys list | rotate | export` run as the real binary on a temporary data directory.</summary>
public sealed class KeysCliTests : IDisposable
{
    private readonly TempDirectory _data = new("civitas-keys-cli-");

    [Fact]
    public void Export_rotate_and_list_work_on_the_same_data()
    {
        var exported = _data.File("ida.pem");
        var (exit, output, error) = Civitas("keys", "export", "--app", "IDA", "--ref", "P1", "--out", exported);
        Assert.True(exit == 0, error + output);
        using var first = X509Certificate2.CreateFromPem(File.ReadAllText(exported));
        var firstThumbprint = Convert.ToHexStringLower(SHA256.HashData(first.RawData));

        (exit, output, error) = Civitas("keys", "rotate", "--app", "IDA", "--ref", "P1");
        Assert.True(exit == 0, error + output);
        Assert.DoesNotContain(firstThumbprint, output, StringComparison.Ordinal);

        (exit, output, error) = Civitas("keys", "list", "--app", "IDA");
        Assert.True(exit == 0, error + output);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("IDA\tP1\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(firstThumbprint, StringComparison.Ordinal) && r.EndsWith("expired", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EndsWith("active", StringComparison.Ordinal));
        Assert.DoesNotContain("PRIVATE KEY", output, StringComparison.Ordinal);

        (exit, _, error) = Civitas("keys", "rotate");
        Assert.Equal(1, exit);
        Assert.Contains("KER-KMS-028", error, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output, string Error) Civitas(params string[] arguments)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var binary = Path.Combine(RepositoryPaths.Root, "src", "Civitas.Cli", "bin", configuration, "net10.0", "civitas.dll");
        Assert.True(File.Exists(binary), $"{binary} was not built");
        return ExternalTool.Run("dotnet", [binary, .. arguments, $"--Civitas:DataDirectory={_data.Path}"], environment: new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
    }

    public void Dispose() => _data.Dispose();
}
