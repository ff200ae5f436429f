using Civitas.Registry.Records;

namespace Civitas.Registry;

/// <summary>How other modules (ID authentication, the wallet back end) read the registry, without HTTP.</summary>
public interface IIdentityRegistry
{
    /// <summary>The resident with this UIN or unexpired VID, decrypted; null when unknown.</summary>
    Task<IdentityRecord?> FindAsync(IndividualIdType type, string individualId, CancellationToken cancellationToken = default);

    /// <summary>Checks a static PIN in constant time; false when the resident has none.</summary>
    Task<bool> VerifyStaticPinAsync(Guid identityId, string pin, CancellationToken cancellationToken = default);
}
