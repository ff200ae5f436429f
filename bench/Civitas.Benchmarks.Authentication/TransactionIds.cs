using System.Globalization;
using System.Security.Cryptography;

namespace Civitas.Benchmarks.Authentication;

/// <summary>
/// 10-digit transaction ids, unique within a run and very unlikely to repeat an earlier run's (the server refuses a
/// partner's repeated id as a replay): a random start, then counting up.
/// </summary>
internal sealed class TransactionIds
{
    private long _next = RandomNumberGenerator.GetInt32(1, 900_000) * 10_000L;

    public string Next() => (Interlocked.Increment(ref _next) % 10_000_000_000L).ToString("D10", CultureInfo.InvariantCulture);
}
