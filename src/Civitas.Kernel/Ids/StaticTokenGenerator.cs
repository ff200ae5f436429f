using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Civitas.Kernel.Ids;

/// <summary>
/// MOSIP's static token id (REFERENCE.md §4): <c>uinHash = HEX(SHA256(SHA256(uin + uinSalt)))</c>,
/// <c>h = HEX(SHA256(SHA256(partnerSalt + partnerCode + uinHash)))</c> in upper case, and the token is the first
/// digits of the decimal value of h's ASCII bytes read as one big-endian number. Deterministic by design.
/// </summary>
internal sealed class StaticTokenGenerator(KernelSecrets secrets, Microsoft.Extensions.Options.IOptions<KernelOptions> options) : IStaticTokenGenerator
{
    public string Generate(string uin, string partnerCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uin);
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerCode);
        var uinHash = DoubleSha256Hex(uin + secrets.UinSalt);
        var h = DoubleSha256Hex(secrets.PartnerCodeSalt + partnerCode + uinHash);
        var number = new BigInteger(Encoding.ASCII.GetBytes(h), isUnsigned: true, isBigEndian: true);
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return digits[..Math.Min(options.Value.StaticToken.Length, digits.Length)];
    }

    private static string DoubleSha256Hex(string text) =>
        Convert.ToHexString(SHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
}
