namespace Civitas.LinkedData.Canonicalization;

/// <summary>Thrown when a dataset needs more work than <see cref="CanonicalizationOptions.MaxWorkFactor"/> allows.</summary>
public sealed class CanonicalizationLimitExceededException : Exception
{
    public CanonicalizationLimitExceededException()
    {
    }

    public CanonicalizationLimitExceededException(string message)
        : base(message)
    {
    }

    public CanonicalizationLimitExceededException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
