using System.Diagnostics;
using System.Text;

namespace Civitas.Benchmarks.Authentication;

/// <summary>What one measured run gives: rate of successful authentications and their latency.</summary>
internal sealed record LoadResult(string Name, int Succeeded, int Failed, double Seconds, double P50, double P99, string? FirstFailure)
{
    public double Rate => Succeeded / Seconds;

    public override string ToString() =>
        $"{Name,-34} {Rate,8:N0} auth/s   p50 {P50,7:N1} ms   p99 {P99,7:N1} ms   ({Succeeded:N0} ok, {Failed:N0} failed in {Seconds:N1} s)"
        + (FirstFailure is null ? "" : $"\n    first failure: {FirstFailure}");
}

/// <summary>Sends prepared requests over real HTTP, either as fast as <c>concurrency</c> callers can or paced at a fixed rate.</summary>
internal static class LoadRun
{
    private const string Authenticated = "\"authStatus\":true";

    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> callers, each sending its next request when the last one answered.
    /// A request counts as successful when its answer contains <paramref name="accepted"/>.
    /// </summary>
    public static Task<LoadResult> PeakAsync(
        string name, HttpClient http, Func<PreparedRequest, Uri> route, IReadOnlyList<PreparedRequest> requests, int concurrency, TimeSpan limit, string accepted = Authenticated) =>
        RunAsync(name, http, route, requests, concurrency, limit, ratePerSecond: null, Encoding.UTF8.GetBytes(accepted));

    /// <summary>
    /// Open loop at <paramref name="ratePerSecond"/>: request i is due at i/rate, and its latency counts from when it was
    /// due, so a stalled server shows in the percentiles instead of quietly slowing the callers (coordinated omission).
    /// </summary>
    public static Task<LoadResult> PacedAsync(string name, HttpClient http, Func<PreparedRequest, Uri> route, IReadOnlyList<PreparedRequest> requests, double ratePerSecond, TimeSpan limit) =>
        RunAsync(name, http, route, requests, concurrency: 256, limit, ratePerSecond, Encoding.UTF8.GetBytes(Authenticated));

    private static async Task<LoadResult> RunAsync(
        string name, HttpClient http, Func<PreparedRequest, Uri> route, IReadOnlyList<PreparedRequest> requests, int concurrency, TimeSpan limit, double? ratePerSecond, byte[] accepted)
    {
        var next = -1;
        int succeeded = 0, failed = 0;
        string? firstFailure = null;
        var latencies = new double[requests.Count];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        long lastEnd = started;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests.Count || Stopwatch.GetTimestamp() >= deadline)
                {
                    return;
                }

                var due = ratePerSecond is { } rate ? started + (long)(index / rate * Stopwatch.Frequency) : Stopwatch.GetTimestamp();
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var request = requests[index];
                using var message = new HttpRequestMessage(HttpMethod.Post, route(request)) { Content = new ByteArrayContent(request.Body) };
                message.Content.Headers.ContentType = new("application/json");
                message.Headers.TryAddWithoutValidation("signature", request.Signature);
                try
                {
                    using var response = await http.SendAsync(message);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (response.IsSuccessStatusCode && body.AsSpan().IndexOf(accepted) >= 0)
                    {
                        Interlocked.Increment(ref succeeded);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 400)))}", null);
                    }
                }
                catch (HttpRequestException ex)
                {
                    latencies[index] = double.NaN;
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                }

                Interlocked.Exchange(ref lastEnd, Stopwatch.GetTimestamp());
            }
        })));

        var sent = Math.Min(requests.Count, next);
        var measured = latencies.Take(sent).Where(value => value > 0 && !double.IsNaN(value)).Order().ToArray();
        double Percentile(double q) => measured.Length == 0 ? 0 : measured[(int)Math.Min(measured.Length - 1, q * measured.Length)];
        var seconds = Math.Max(1e-9, (lastEnd - started) / (double)Stopwatch.Frequency);
        return new LoadResult(name, succeeded, failed, seconds, Percentile(0.50), Percentile(0.99), firstFailure);
    }
}
