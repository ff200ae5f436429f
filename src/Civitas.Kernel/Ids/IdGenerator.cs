using System.Security.Cryptography;

namespace Civitas.Kernel.Ids;

/// <summary>Random identifiers: (length − 1) CSPRNG digits plus the Verhoeff check digit, retried until every filter passes.</summary>
internal sealed class IdGenerator(IdFilter filter)
{
    private const string Digits = "0123456789";

    /// <summary>Gives up after this many candidates: a configuration no number can satisfy must not spin forever.</summary>
    private const int MaxAttempts = 100_000;

    public IdFilter Filter { get; } = filter;

    public string Next()
    {
        var length = Filter.Settings.Length;
        Span<char> candidate = stackalloc char[length];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            RandomNumberGenerator.GetItems(Digits, candidate[..^1]);
            candidate[^1] = Verhoeff.CheckDigit(candidate[..^1]);
            if (Filter.Check(candidate) == IdRejection.None)
            {
                return new string(candidate);
            }
        }

        throw new InvalidOperationException("No identifier passes the configured filters.");
    }
}
