using Civitas.Keys.Stores;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Stores;

/// <summary>The same contract against a real PKCS#11 token (SoftHSM2): keys generated and used inside it.</summary>
public sealed class SoftHsmKeyStoreTests : KeyStoreContract
{
    internal override IKeyStore Store => SoftHsm.Store;

    [Fact]
    public void Private_keys_in_the_token_are_sensitive_and_not_extractable()
    {
        var alias = "attr-" + Guid.NewGuid();
        Store.GenerateRsaKey(alias);
        var (sensitive, extractable) = SoftHsm.Store.PrivateKeyProtection(alias);
        Assert.True(sensitive);
        Assert.False(extractable);
    }
}
