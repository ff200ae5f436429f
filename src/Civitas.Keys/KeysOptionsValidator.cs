using Microsoft.Extensions.Options;

namespace Civitas.Keys;

/// <summary>Refuses to start with a key configuration that cannot work, saying how to fix it.</summary>
internal sealed class KeysOptionsValidator : IValidateOptions<KeysOptions>
{
    public ValidateOptionsResult Validate(string? name, KeysOptions options)
    {
        var failures = new List<string>();
        if (options.Store == KeyStoreKind.Pkcs11)
        {
            if (string.IsNullOrEmpty(options.Pkcs11.Pin))
            {
                failures.Add("Civitas:Keys:Store is Pkcs11 but Civitas:Keys:Pkcs11:Pin is empty; set it through the environment (Civitas__Keys__Pkcs11__Pin).");
            }
            if (!File.Exists(options.Pkcs11.LibraryPath))
            {
                failures.Add($"Civitas:Keys:Pkcs11:LibraryPath '{options.Pkcs11.LibraryPath}' does not exist; install the HSM's PKCS#11 module (SoftHSM2: apt-get install softhsm2).");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            var buffer = new byte[64];
            if (!Convert.TryFromBase64String(options.KeyEncryptionKey.Trim(), buffer, out var length) || length != 32)
            {
                failures.Add("Civitas:Keys:KeyEncryptionKey must be base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
        }
        foreach (var (application, policy) in options.Policies)
        {
            if (policy.ValidityDays <= 0 || policy.PreExpireDays < 0 || policy.PreExpireDays >= policy.ValidityDays)
            {
                failures.Add($"Civitas:Keys:Policies:{application}: ValidityDays must be positive and PreExpireDays between 0 and ValidityDays - 1.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
