using System.Security.Cryptography;
using Civitas.Common.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Civitas.Access.Tokens;

/// <summary>
/// The RSA keys that sign and encrypt service access tokens, kept as owner-only PEM files in
/// <c>&lt;data-dir&gt;/access/</c> and created on first start. Several hosts behind one load balancer
/// must share these files (or the whole data directory) so that any host accepts any host's tokens.
/// </summary>
internal static class TokenKeyFiles
{
    public static RsaSecurityKey LoadOrCreate(string dataDirectory, string name)
    {
        var path = Path.Combine(dataDirectory, "access", name + ".key.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            SecretFile.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        }

        // A stable key id lets validators pick the key and survives restarts.
        var keyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
