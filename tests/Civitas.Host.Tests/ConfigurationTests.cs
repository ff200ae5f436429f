using Civitas.Common;
using Civitas.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Civitas.Host.Tests;

/// <summary>Bad configuration stops start-up with a message that says how to fix it.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Out_of_range_body_limit_names_the_setting_and_the_valid_range()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civitas-config-" + Guid.NewGuid().ToString("N"));
        await using var app = CivitasApplication.Build([$"--Civitas:DataDirectory={dataDirectory}", "--Civitas:MaxRequestBodyBytes=5"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CivitasApplication.PrepareAsync(app));
        Assert.Contains("Civitas:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognised_connection_string_explains_both_accepted_forms()
    {
        var error = Assert.Throws<CivitasConfigurationException>(() => CivitasApplication.Build(["--ConnectionStrings:Civitas=Server-ish nonsense"]));
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
        Assert.Contains("Data Source=", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=civitas;Username=civitas", "Host=db;Database=civitas;Username=civitas;No Reset On Close=true;Max Auto Prepare=64")]
    [InlineData("Host=db;Database=civitas;No Reset On Close=false", "Host=db;Database=civitas;No Reset On Close=false;Max Auto Prepare=64")]
    [InlineData("Host=db;NoResetOnClose=false;Database=civitas;Max Auto Prepare=0", "Host=db;NoResetOnClose=false;Database=civitas;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=8;", "Host=db;MaxAutoPrepare=8;No Reset On Close=true")]
    public void PostgreSQL_connections_skip_the_session_reset_and_prepare_hot_statements_unless_the_connection_string_says_otherwise(string configured, string used)
    {
        var settings = DatabaseSettings.FromConfiguration(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Civitas"] = configured })
                .Build());
        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal(used, settings.ConnectionString);
    }

    [Fact]
    public async Task Unwritable_data_directory_is_reported_with_the_setting_to_change()
    {
        var file = Path.GetTempFileName(); // a file where a folder is expected
        try
        {
            await using var app = CivitasApplication.Build([$"--Civitas:DataDirectory={file}"]);
            var error = await Assert.ThrowsAsync<CivitasConfigurationException>(() => CivitasApplication.PrepareAsync(app));
            Assert.Contains("Civitas__DataDirectory", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Invalid_public_base_url_is_refused()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civitas-config-" + Guid.NewGuid().ToString("N"));
        await using var app = CivitasApplication.Build([$"--Civitas:DataDirectory={dataDirectory}", "--Civitas:PublicBaseUrl=ftp://x"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CivitasApplication.PrepareAsync(app));
        Assert.Contains("Civitas:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }
}
