using Civitas.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Civitas.Access.Tokens;

/// <summary>
/// Gives OpenIddict its signing and encryption keys when its options are first needed (at start-up, after the
/// data directory has been checked), not while services are being registered.
/// </summary>
internal sealed class TokenKeysSetup(IOptions<CivitasOptions> civitas) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var dataDirectory = civitas.Value.DataDirectoryFullPath;
        options.SigningCredentials.Add(new SigningCredentials(
            TokenKeyFiles.LoadOrCreate(dataDirectory, "token-signing"), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            TokenKeyFiles.LoadOrCreate(dataDirectory, "token-encryption"), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
