using Civitas.Common;
using Civitas.Kernel.Hosting;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// The static token salts: from configuration (required when several hosts must issue the same tokens), else
/// owner-only files in the data directory, so a single host gets unguessable, stable salts without setup.
/// </summary>
internal sealed class KernelSecrets(IOptions<KernelOptions> kernel, IOptions<CivitasOptions> civitas)
{
    private readonly Lazy<string> _uinSalt = new(() => kernel.Value.StaticToken.UinSalt is { Length: > 0 } configured
        ? configured
        : DataDirectorySecret.ReadOrCreate(Path.Combine(civitas.Value.DataDirectoryFullPath, "kernel-token-uin-salt.key"), 32));

    private readonly Lazy<string> _partnerSalt = new(() => kernel.Value.StaticToken.PartnerCodeSalt is { Length: > 0 } configured
        ? configured
        : DataDirectorySecret.ReadOrCreate(Path.Combine(civitas.Value.DataDirectoryFullPath, "kernel-token-partner-salt.key"), 32));

    public string UinSalt => _uinSalt.Value;

    public string PartnerCodeSalt => _partnerSalt.Value;
}
