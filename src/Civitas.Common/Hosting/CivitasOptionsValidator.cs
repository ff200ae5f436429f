using Microsoft.Extensions.Options;

namespace Civitas.Common.Hosting;

/// <summary>Checks the <c>Civitas</c> section at start-up and says how to fix what is wrong.</summary>
internal sealed class CivitasOptionsValidator : IValidateOptions<CivitasOptions>
{
    public ValidateOptionsResult Validate(string? name, CivitasOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Civitas:DataDirectory is empty: set it (env Civitas__DataDirectory) to a folder Civitas may write, e.g. ./data.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 512L * 1024 * 1024)
        {
            failures.Add($"Civitas:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}: use a value between 1024 and 536870912 bytes (default 1048576).");
        }

        if (!string.IsNullOrEmpty(options.PublicBaseUrl)
            && !(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"Civitas:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL: use e.g. https://id.example.org or leave it empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
