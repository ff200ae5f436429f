using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Tests.Support;

/// <summary>The openssl command line as the independent judge of certificates, CSRs and signatures.</summary>
internal static class OpenSsl
{
    /// <summary>Runs <c>openssl verify</c> of <paramref name="leaf"/> against <paramref name="root"/> with optional intermediates.</summary>
    public static (bool Ok, string Output) VerifyChain(string root, string leaf, params string[] intermediates)
    {
        using var directory = new TempDirectory();
        var rootFile = directory.File("root.pem");
        File.WriteAllText(rootFile, root);
        var leafFile = directory.File("leaf.pem");
        File.WriteAllText(leafFile, leaf);
        var arguments = new List<string> { "verify", "-x509_strict", "-CAfile", rootFile };
        if (intermediates.Length > 0)
        {
            var untrusted = directory.File("untrusted.pem");
            File.WriteAllText(untrusted, string.Concat(intermediates));
            arguments.AddRange(["-untrusted", untrusted]);
        }
        arguments.Add(leafFile);
        var (exit, output, error) = ExternalTool.Run("openssl", arguments);
        return (exit == 0 && output.Contains(": OK", StringComparison.Ordinal), output + error);
    }

    /// <summary><c>openssl req -verify</c> (self-signature) and the subject line as openssl prints it.</summary>
    public static (bool Ok, string Subject) VerifyCsr(string pem)
    {
        using var directory = new TempDirectory();
        var file = directory.File("req.pem");
        File.WriteAllText(file, pem);
        var (exit, output, error) = ExternalTool.Run("openssl", ["req", "-in", file, "-noout", "-verify", "-subject", "-nameopt", "RFC2253"]);
        var verified = exit == 0 && (output + error).Contains("verify OK", StringComparison.OrdinalIgnoreCase);
        var subject = output.Split('\n').FirstOrDefault(l => l.StartsWith("subject=", StringComparison.Ordinal))?["subject=".Length..].Trim() ?? string.Empty;
        return (verified, subject);
    }

    public static string Text(string certificatePem)
    {
        using var directory = new TempDirectory();
        var file = directory.File("cert.pem");
        File.WriteAllText(file, certificatePem);
        return ExternalTool.RunOk("openssl", "x509", "-in", file, "-noout", "-text", "-nameopt", "RFC2253");
    }

    /// <summary><c>openssl dgst -sha256 -verify</c> with the certificate's public key; PSS when asked.</summary>
    public static bool VerifySignature(X509Certificate2 certificate, byte[] data, byte[] signature, bool pss = false)
    {
        using var directory = new TempDirectory();
        var key = directory.File("key.pem");
        File.WriteAllText(key, certificate.PublicKey.ExportSubjectPublicKeyInfoPem());
        var dataFile = directory.File("data.bin");
        File.WriteAllBytes(dataFile, data);
        var signatureFile = directory.File("sig.bin");
        File.WriteAllBytes(signatureFile, signature);
        var arguments = new List<string> { "dgst", "-sha256", "-verify", key, "-signature", signatureFile };
        if (pss)
        {
            arguments.AddRange(["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256"]);
        }
        arguments.Add(dataFile);
        var (exit, output, _) = ExternalTool.Run("openssl", arguments);
        return exit == 0 && output.Contains("Verified OK", StringComparison.Ordinal);
    }
}

internal static class PublicKeyPem
{
    public static string ExportSubjectPublicKeyInfoPem(this PublicKey key) =>
        System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", key.ExportSubjectPublicKeyInfo());
}
