using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Certificates;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Management;

/// <summary>The key hierarchy's behaviour, run over the software store and over SoftHSM2.</summary>
public abstract class KeyManagerContract : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly byte[] _kek = RandomNumberGenerator.GetBytes(32);
    private readonly List<KeysStack> _stacks = [];

    internal abstract StoreKind Kind { get; }

    private string DatabaseFile => _directory.File("keys.db");

    private KeysStack Stack(TimeProvider? clock = null)
    {
        var stack = new KeysStack(Kind, DatabaseFile, _kek, clock);
        _stacks.Add(stack);
        return stack;
    }

    [Fact]
    public void Root_master_and_base_certificates_form_a_chain_openssl_accepts()
    {
        var keys = Stack().Keys;
        var baseKey = keys.GetCertificate("REGISTRATION", "10001");
        var master = keys.GetCertificate("REGISTRATION", null);
        var root = keys.GetCertificate("ROOT", null);

        var (masterOk, masterOutput) = OpenSsl.VerifyChain(root.CertificatePem, master.CertificatePem);
        Assert.True(masterOk, masterOutput);
        var (baseOk, baseOutput) = OpenSsl.VerifyChain(root.CertificatePem, baseKey.CertificatePem, master.CertificatePem);
        Assert.True(baseOk, baseOutput);

        // A base certificate does not verify against a different application's master.
        var other = keys.GetCertificate("IDA", null);
        using var baseCertificate = X509Certificate2.CreateFromPem(baseKey.CertificatePem);
        using var otherMaster = X509Certificate2.CreateFromPem(other.CertificatePem);
        Assert.NotEqual(otherMaster.Subject, baseCertificate.Issuer);
        Assert.Contains("CA:TRUE", OpenSsl.Text(master.CertificatePem), StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", OpenSsl.Text(baseKey.CertificatePem), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(baseCertificate.RawData)), baseKey.Thumbprint);
    }

    [Fact]
    public void Generated_master_certificate_and_csr_carry_the_requested_subject()
    {
        var keys = Stack().Keys;
        var subject = new CertificateSubject("registration.example.org", "MOSIP-TECH-CENTER", "IIITB", "BANGALORE", "KA", "IN");
        var certificate = keys.GenerateKey("PRE_REGISTRATION", null, force: false, subject);
        var text = OpenSsl.Text(certificate.CertificatePem);
        var subjectLine = text.Split('\n').Single(l => l.TrimStart().StartsWith("Subject:", StringComparison.Ordinal));
        foreach (var field in new[] { "CN=registration.example.org", "OU=MOSIP-TECH-CENTER", "O=IIITB", "L=BANGALORE", "ST=KA", "C=IN" })
        {
            Assert.Contains(field, subjectLine.Split(':', 2)[1].Trim().Split(','));
        }
        Assert.Contains("Public-Key: (2048 bit)", text, StringComparison.Ordinal);
        Assert.Contains("sha256WithRSAEncryption", text, StringComparison.Ordinal);

        var csr = keys.GenerateCsr("PRE_REGISTRATION", null, new CertificateSubject("csr.example.org", "Unit", "Org", "City", "State", "FR"));
        var (ok, csrSubject) = OpenSsl.VerifyCsr(csr);
        Assert.True(ok, csr);
        Assert.Equal(
            new[] { "C=FR", "CN=csr.example.org", "L=City", "O=Org", "OU=Unit", "ST=State" },
            csrSubject.Split(',').Order(StringComparer.Ordinal));
        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        using var issued = X509Certificate2.CreateFromPem(certificate.CertificatePem);
        Assert.Equal(issued.PublicKey.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Base_keys_are_created_lazily_once_and_kept_per_reference()
    {
        var keys = Stack().Keys;
        var first = keys.GetCertificate("IDA", "PARTNER-A");
        Assert.Equal(first.Thumbprint, keys.GetCertificate("IDA", "PARTNER-A").Thumbprint);
        Assert.NotEqual(first.Thumbprint, keys.GetCertificate("IDA", "PARTNER-B").Thumbprint);
        Assert.Equal(2, keys.GetAllCertificates("IDA", null).Count(c => c.ReferenceId.StartsWith("PARTNER", StringComparison.Ordinal)));
    }

    [Fact]
    public void Unknown_application_is_refused_with_KER_KMS_002()
    {
        var keys = Stack().Keys;
        var error = Assert.Throws<KeysException>(() => keys.GetCertificate("NOT_A_MOSIP_APP", "x"));
        Assert.Equal("KER-KMS-002", error.Error.Code);
    }

    [Fact]
    public void Forced_rotation_makes_a_new_key_and_the_old_one_still_decrypts()
    {
        var stack = Stack();
        var before = stack.Keys.GetCertificate("RESIDENT", "R1");
        var ciphertext = stack.Crypto.Encrypt("RESIDENT", "R1", "before rotation"u8);
        var rotated = stack.Keys.GenerateKey("RESIDENT", "R1", force: true, subject: null);
        Assert.NotEqual(before.Thumbprint, rotated.Thumbprint);
        Assert.Equal(rotated.Thumbprint, stack.Keys.GetCertificate("RESIDENT", "R1").Thumbprint);
        Assert.Equal("before rotation"u8.ToArray(), stack.Crypto.Decrypt("RESIDENT", "R1", ciphertext));
        var unforced = stack.Keys.GenerateKey("RESIDENT", "R1", force: false, subject: null);
        Assert.Equal(rotated.Thumbprint, unforced.Thumbprint);
    }

    [Fact]
    public void A_successor_takes_over_at_pre_expiry_and_expired_keys_still_decrypt()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var stack = Stack(clock);
        var first = stack.Keys.GetCertificate("ID_REPO", "CRED");
        var old = stack.Crypto.Encrypt("ID_REPO", "CRED", "old data"u8);

        clock.Advance(TimeSpan.FromDays(699)); // BASE: 730 days, pre-expiry 30: still current
        Assert.Equal(first.Thumbprint, stack.Keys.GetCertificate("ID_REPO", "CRED").Thumbprint);
        clock.Advance(TimeSpan.FromDays(2)); // day 701: in pre-expiry, a new key takes over
        var second = stack.Keys.GetCertificate("ID_REPO", "CRED");
        Assert.NotEqual(first.Thumbprint, second.Thumbprint);

        clock.Advance(TimeSpan.FromDays(60)); // the first key has expired
        Assert.Equal("old data"u8.ToArray(), stack.Crypto.Decrypt("ID_REPO", "CRED", old));
    }

    [Fact]
    public void Revoked_key_is_replaced_but_old_data_still_opens_and_masters_cannot_be_revoked()
    {
        var stack = Stack();
        var original = stack.Keys.GetCertificate("PARTNER", "P1");
        var ciphertext = stack.Crypto.Encrypt("PARTNER", "P1", "secret"u8);
        var revoked = stack.Keys.RevokeKey("PARTNER", "P1");
        Assert.Equal(original.Thumbprint, revoked.Thumbprint);
        Assert.NotNull(revoked.RevokedAtUtc);
        Assert.NotEqual(original.Thumbprint, stack.Keys.GetCertificate("PARTNER", "P1").Thumbprint);
        Assert.Equal("secret"u8.ToArray(), stack.Crypto.Decrypt("PARTNER", "P1", ciphertext));
        Assert.Equal("KER-KMS-021", Assert.Throws<KeysException>(() => stack.Keys.RevokeKey("PARTNER", "")).Error.Code);
    }

    [Fact]
    public void A_restart_keeps_every_key()
    {
        string thumbprint;
        byte[] ciphertext;
        string masterThumbprint;
        using (var first = new KeysStack(Kind, DatabaseFile, _kek))
        {
            thumbprint = first.Keys.GetCertificate("KERNEL", "K1").Thumbprint;
            masterThumbprint = first.Keys.GetCertificate("KERNEL", null).Thumbprint;
            ciphertext = first.Crypto.Encrypt("KERNEL", "K1", "survives restarts"u8);
        }
        using var second = new KeysStack(Kind, DatabaseFile, _kek);
        Assert.Equal(thumbprint, second.Keys.GetCertificate("KERNEL", "K1").Thumbprint);
        Assert.Equal(masterThumbprint, second.Keys.GetCertificate("KERNEL", null).Thumbprint);
        Assert.Equal("survives restarts"u8.ToArray(), second.Crypto.Decrypt("KERNEL", "K1", ciphertext));
    }

    [Fact]
    public void Two_nodes_on_one_database_see_the_same_keys()
    {
        var nodeA = Stack();
        var nodeB = Stack();
        var certificate = nodeA.Keys.GetCertificate("IDA", "INTERNAL");
        Assert.Equal(certificate.Thumbprint, nodeB.Keys.GetCertificate("IDA", "INTERNAL").Thumbprint);
        var fromA = nodeA.Crypto.Encrypt("IDA", "INTERNAL", "cluster"u8);
        Assert.Equal("cluster"u8.ToArray(), nodeB.Crypto.Decrypt("IDA", "INTERNAL", fromA));
        var jws = nodeB.Signatures.SignData("signed on B");
        Assert.True(nodeA.Signatures.ValidateData(jws, "signed on B"));
    }

    [Fact]
    public void Uploaded_ca_signed_certificate_must_match_the_key()
    {
        var keys = Stack().Keys;
        keys.GetCertificate("MIMOTO", "M1");
        using var caKey = RSA.Create(2048);
        using var ca = TestCertificates.SelfSignedCa("Upload CA", caKey);
        using var signed = TestCertificates.SignCsr(ca, keys.GenerateCsr("MIMOTO", "M1", null));
        var updated = keys.UploadCertificate("MIMOTO", "M1", signed.ExportCertificatePem());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signed.RawData)), updated.Thumbprint);
        Assert.Equal(updated.Thumbprint, keys.GetCertificate("MIMOTO", "M1").Thumbprint);

        using var strangerKey = RSA.Create(2048);
        using var stranger = TestCertificates.Issue(ca, "CN=stranger", strangerKey);
        Assert.Equal("KER-KMS-014", Assert.Throws<KeysException>(() => keys.UploadCertificate("MIMOTO", "M1", stranger.ExportCertificatePem())).Error.Code);
        Assert.Equal("KER-KMS-013", Assert.Throws<KeysException>(() => keys.UploadCertificate("MIMOTO", "M1", "not a certificate")).Error.Code);
    }

    public void Dispose()
    {
        foreach (var stack in _stacks)
        {
            stack.Dispose();
        }
        _directory.Dispose();
    }
}

public sealed class SoftwareKeyManagerTests : KeyManagerContract
{
    internal override StoreKind Kind => StoreKind.Software;
}

public sealed class SoftHsmKeyManagerTests : KeyManagerContract
{
    internal override StoreKind Kind => StoreKind.SoftHsm;
}
