using System.Diagnostics;
using System.Net.Http.Json;
using Civitas.Common.Security;
using Civitas.Testing;

namespace Civitas.Benchmarks.Audit;

/// <summary>
/// POSTs audit requests over real HTTP from <c>concurrency</c> parallel callers; each answer means stored, so
/// concurrent requests share transactions through the batching writer.
/// </summary>
internal static class HttpThroughput
{
    public static async Task<int> RunAsync(int requests, int concurrency)
    {
        await using var host = await CivitasTestHost.StartAsync();
        using var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel);
        var body = new
        {
            id = "mosip.kernel.audit",
            version = "1.0",
            requesttime = "2026-11-24T10:00:00.000Z",
            request = new
            {
                eventId = "ADM-0001", eventName = "Authentication request", eventType = "Security Event",
                actionTimeStamp = "2026-11-24T10:00:00.000Z", hostName = "ida-node-1", hostIp = "10.0.4.17",
                applicationId = "IDA", applicationName = "ID Authentication", sessionUserId = "partner-1",
                sessionUserName = "Relying party", id = "812345678901", idType = "UIN", createdBy = "ida",
                description = "OTP authentication succeeded",
            },
        };

        await RunCallersAsync(client, body, Math.Min(1_000, requests), concurrency);
        var latencies = new double[requests];
        var clock = Stopwatch.StartNew();
        var failures = await RunCallersAsync(client, body, requests, concurrency, latencies);
        clock.Stop();

        Array.Sort(latencies);
        Console.WriteLine($"database={(host.Database.IsPostgres ? "PostgreSQL" : "SQLite")} requests={requests} concurrency={concurrency} failures={failures}");
        Console.WriteLine($"throughput: {requests / clock.Elapsed.TotalSeconds:F0} requests/s");
        Console.WriteLine($"latency: p50 {latencies[requests / 2]:F1} ms, p95 {latencies[(int)(requests * 0.95)]:F1} ms, p99 {latencies[(int)(requests * 0.99)]:F1} ms");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunCallersAsync(HttpClient client, object body, int requests, int concurrency, double[]? latencies = null)
    {
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/v1/auditmanager/audits", body);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !text.Contains("\"status\":true", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }

                if (latencies is not null)
                {
                    latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
        })));
        return failures;
    }
}
