namespace Civitas.Keys.Persistence;

/// <summary>A software-store private key, AES-256-GCM-wrapped under the key-encryption key.</summary>
internal sealed class StoredKeyEntity
{
    public required string Alias { get; set; }
    public required byte[] PublicKey { get; set; }
    public required byte[] WrappedPrivateKey { get; set; }
}
