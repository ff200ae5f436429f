using Civitas.Keys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Keys.Trust;

/// <summary>Reads and writes <c>keys_trust_certificate</c>.</summary>
internal sealed class TrustStoreRepository
{
    private readonly KeysDatabase _database;

    public TrustStoreRepository(KeysDatabase database) => _database = database;

    public List<TrustCertificateEntity> CertificateAuthorities(string partnerDomain) => _database.Use(db =>
        db.TrustCertificates.AsNoTracking()
            .Where(c => c.PartnerDomain == partnerDomain && c.Kind != TrustCertificateKinds.Partner)
            .ToList());

    public TrustCertificateEntity? ById(string certificateId) => _database.Use(db =>
        db.TrustCertificates.AsNoTracking().FirstOrDefault(c => c.CertificateId == certificateId));

    public bool ExistsByThumbprint(string thumbprint) => _database.Use(db =>
        db.TrustCertificates.Any(c => c.Thumbprint == thumbprint));

    public void Add(TrustCertificateEntity entity) => _database.Use(db =>
    {
        db.TrustCertificates.Add(entity);
        return db.SaveChanges();
    });
}
