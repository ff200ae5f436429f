using Civitas.Registry.Records;
using Civitas.Testing;

namespace Civitas.Registry.Tests;

/// <summary>`civitas demo seed` and `civitas registry import`, run as separate processes.</summary>
public sealed class RegistryCliTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civitas-registry-cli-" + Guid.NewGuid().ToString("N")[..12]);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_seed_creates_residents_and_lists_them_in_an_owner_only_file()
    {
        var (exitCode, output, error) = await RunAsync("demo", "seed", "--count", "5", "--seed", "7");

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain(",", output, StringComparison.Ordinal); // no PINs or UINs on the console
        var file = Path.Combine(_dataDirectory, "demo-residents.csv");
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(6, lines.Length);
        Assert.Equal(SyntheticResidents.Create(7, 0).Data.FullName[0].Value, lines[1].Split(',')[1]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Demo_seed_without_pins_leaves_the_pin_column_empty()
    {
        var (exitCode, _, error) = await RunAsync("demo", "seed", "--count", "3", "--without-pins");

        Assert.True(exitCode == 0, error);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_dataDirectory, "demo-residents.csv"));
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Equal(string.Empty, line.Split(',')[2]));
    }

    [Fact]
    public async Task Import_creates_good_lines_reports_bad_ones_by_number_and_exits_1()
    {
        Directory.CreateDirectory(_dataDirectory);
        var input = Path.Combine(_dataDirectory, "people.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"identity":{"fullName":[{"language":"eng","value":"Jo Bloggs"}],"email":"jo@example.org"}}""",
            "not json",
            """{"identity":{"fullName":[{"language":"eng","value":"Ann Lee"}],"dateOfBirth":"2999/01/01"}}""",
            """{"identity":{"fullName":[{"language":"fra","value":"Éloïse Martin"}]},"staticPin":"123456"}""",
        ]);

        var (exitCode, output, error) = await RunAsync("registry", "import", input);

        Assert.Equal(1, exitCode);
        Assert.Contains("Imported 2 identities, 2 failed.", output, StringComparison.Ordinal);
        Assert.Contains("line 2:", error, StringComparison.Ordinal);
        Assert.Contains("line 3: identity.dateOfBirth", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        CivitasCli.RunAsync([.. arguments, $"--Civitas:DataDirectory={_dataDirectory}", $"--ConnectionStrings:Civitas={_database.ConnectionString}"]);
}
