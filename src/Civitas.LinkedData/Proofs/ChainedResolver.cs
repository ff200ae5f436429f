namespace Civitas.LinkedData.Proofs;

/// <summary>Asks each resolver in turn; the first that knows the method answers.</summary>
public sealed class ChainedResolver(params IVerificationMethodResolver[] resolvers) : IVerificationMethodResolver
{
    public VerificationMethod? Resolve(string verificationMethodId) =>
        resolvers.Select(r => r.Resolve(verificationMethodId)).FirstOrDefault(m => m is not null);
}
