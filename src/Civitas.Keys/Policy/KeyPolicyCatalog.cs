using System.Collections.Frozen;

namespace Civitas.Keys.Policy;

/// <summary>Looks up the policy of an application: configured entries win over the MOSIP defaults.</summary>
internal sealed class KeyPolicyCatalog
{
    private readonly FrozenDictionary<string, KeyPolicy> _policies;

    public KeyPolicyCatalog(IEnumerable<KeyPolicy> configured)
    {
        var merged = KeyPolicyDefaults.All.ToDictionary(p => p.ApplicationId, StringComparer.Ordinal);
        foreach (var policy in configured)
        {
            if (policy.ValidityDays <= 0 || policy.PreExpireDays < 0 || policy.PreExpireDays >= policy.ValidityDays)
            {
                throw new InvalidOperationException(
                    $"Civitas:Keys:Policies:{policy.ApplicationId}: ValidityDays must be positive and PreExpireDays between 0 and ValidityDays - 1 (got {policy.ValidityDays}/{policy.PreExpireDays}).");
            }
            merged[policy.ApplicationId] = policy;
        }
        _policies = merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public KeyPolicy Root => _policies[KeyPolicyDefaults.Root];

    public KeyPolicy Base => _policies[KeyPolicyDefaults.Base];

    public bool TryGet(string applicationId, out KeyPolicy policy) =>
        _policies.TryGetValue(applicationId, out policy!);

    public IEnumerable<KeyPolicy> All => _policies.Values;
}
