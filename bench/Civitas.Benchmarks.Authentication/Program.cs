using System.Globalization;
using Civitas.Authentication.Client;
using Civitas.Benchmarks.Authentication;

// Usage (Release), against a running Civitas (see run.sh, which seeds, onboards and starts one):
//   dotnet run -c Release --project bench/Civitas.Benchmarks.Authentication -- --partner partner.json --key partner-key.pem
//     --residents <data-dir>/demo-residents.csv [--mode all|demo|otp|ceiling] [--requests 20000] [--concurrency 128]
//     [--seconds 20] [--warmup 10000] [--sms-port 5099] [--server-pid <pid of the Civitas process, for CPU per authentication>]
// demo: demographic authentication, peak (closed loop) then paced at 50% of the peak for p50/p99.
// otp:  OTP requests for distinct residents (the SMS arrive at a stand-in gateway here), then authentication with those OTPs.
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Number(string name, int fallback) => int.Parse(Option(name) ?? fallback.Digits(), CultureInfo.InvariantCulture);
var mode = Option("--mode") ?? "all";
var requests = Number("--requests", 20_000);
// Callers in the closed-loop peak runs. A request passes several group-committed stages (replay claim, identity
// lookup, OTP state, attempt count, transaction row), each waiting for the batch before its own to finish; with 64
// callers that wait left a fifth of the two cores idle, so the peak was bounded by latency, not by the server.
var concurrency = Number("--concurrency", 128);
var limit = TimeSpan.FromSeconds(Number("--seconds", 20));
// Warm-up requests before anything is measured: the JIT's tiered recompilation of the whole request path takes
// tens of seconds under load, and a short warm-up left it inside the measured window.
var warmup = Number("--warmup", 10_000);
var smsPort = Number("--sms-port", 5099);
var serverCpu = new ServerCpu(Option("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);

Console.WriteLine($"{DateTime.UtcNow:u}  {Environment.ProcessorCount} cores  load average {LoadAverage()}");
if (mode is "all" or "ceiling")
{
    Console.WriteLine(CryptoCeiling.Measure(TimeSpan.FromSeconds(3)));
}

if (mode == "ceiling")
{
    return 0;
}

var profile = IdaPartnerProfile.Load(Option("--partner") ?? "partner.json", Option("--key") ?? "partner-key.pem");
var residents = Residents.Load(Option("--residents") ?? "demo-residents.csv");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
var routeRoot = $"{profile.BaseUrl.TrimEnd('/')}/idauthentication/v1";
Uri Route(PreparedRequest request) => new($"{routeRoot}/{request.Route}/{profile.MispLicenseKey}/{profile.PartnerId}/{profile.ApiKey}");
var transactions = new TransactionIds();
var random = new Random(7);
Resident AnyResident() => residents[random.Next(residents.Count)];

// Warm-up for either mode: JIT, connection pools, partner cache, the database's page cache.
Console.WriteLine(await LoadRun.PeakAsync("warm-up", http, Route, Prepare(warmup, _ => PreparedRequest.Demographic(AnyResident(), transactions.Next())), concurrency, limit));

if (mode is "all" or "demo")
{
    var demographic = Prepare(requests, _ => PreparedRequest.Demographic(AnyResident(), transactions.Next()));
    var (cpuBefore, driverBefore) = (serverCpu.Now(), ServerCpu.Driver.Now());
    var peak = await LoadRun.PeakAsync("demographic, peak", http, Route, demographic, concurrency, limit);
    Console.WriteLine(peak + ServerCpu.Describe(cpuBefore, serverCpu.Now(), peak.Succeeded + peak.Failed)
        + ServerCpu.DescribeDriver(driverBefore, ServerCpu.Driver.Now(), peak.Succeeded + peak.Failed));
    var half = Math.Max(1, peak.Rate / 2);
    var paced = Prepare((int)Math.Min(requests, half * limit.TotalSeconds), _ => PreparedRequest.Demographic(AnyResident(), transactions.Next()));
    Console.WriteLine(await LoadRun.PacedAsync($"demographic, paced at {half:N0}/s", http, Route, paced, half, limit));
}

if (mode is "all" or "otp")
{
    await using var sms = await SmsGatewaySink.StartAsync(smsPort);
    var chosen = residents.OrderBy(_ => random.Next()).Take(Math.Min(requests, residents.Count)).ToList();
    var ids = chosen.Select(_ => transactions.Next()).ToList();
    var otpRequests = new PreparedRequest[chosen.Count];
    var otpRequestTime = RequestTimeFor(chosen.Count);
    Parallel.For(0, chosen.Count, index =>
    {
        var body = IdaRequestBuilder.OtpBody(chosen[index].Uin, "UIN", ["PHONE"], ids[index], otpRequestTime);
        otpRequests[index] = new PreparedRequest("otp", body, IdaRequestCrypto.SignDetached(body, profile.PartnerCertificate));
    });
    var (sendCpuBefore, sendDriverBefore) = (serverCpu.Now(), ServerCpu.Driver.Now());
    var sent = await LoadRun.PeakAsync("OTP request, peak", http, Route, otpRequests, concurrency, limit, accepted: "\"maskedMobile\"");
    Console.WriteLine(sent + ServerCpu.Describe(sendCpuBefore, serverCpu.Now(), sent.Succeeded + sent.Failed)
        + ServerCpu.DescribeDriver(sendDriverBefore, ServerCpu.Driver.Now(), sent.Succeeded + sent.Failed));

    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (sms.Waiting < sent.Succeeded && DateTime.UtcNow < deadline)
    {
        await Task.Delay(200);
    }

    var answered = new List<IdaAuthRequest>();
    for (var index = 0; index < chosen.Count; index++)
    {
        if (sms.TryTake(chosen[index].Phone, out var otp))
        {
            answered.Add(PreparedRequest.Otp(chosen[index], ids[index], otp));
        }
    }

    Console.WriteLine($"OTPs received by the stand-in gateway: {answered.Count:N0} of {sent.Succeeded:N0}");
    var otpAuth = PreparedRequest.Prepare(answered.Count, index => answered[index], profile, RequestTimeFor(answered.Count));
    var (otpCpuBefore, otpDriverBefore) = (serverCpu.Now(), ServerCpu.Driver.Now());
    var otpPeak = await LoadRun.PeakAsync("OTP authentication, peak", http, Route, otpAuth, concurrency, limit);
    Console.WriteLine(otpPeak + ServerCpu.Describe(otpCpuBefore, serverCpu.Now(), otpPeak.Succeeded + otpPeak.Failed)
        + ServerCpu.DescribeDriver(otpDriverBefore, ServerCpu.Driver.Now(), otpPeak.Succeeded + otpPeak.Failed));
}

return 0;

IReadOnlyList<PreparedRequest> Prepare(int count, Func<int, IdaAuthRequest> describe)
{
    var described = Enumerable.Range(0, count).Select(describe).ToList();
    return PreparedRequest.Prepare(count, index => described[index], profile, RequestTimeFor(count));
}

// Requests carry their request time inside the signed body, so it is fixed before they are signed. Time a small
// batch, then date the real ones to when their sending will start: on a busy machine preparing 20,000 signatures
// takes long enough that "now" would already be outside the server's window.
DateTimeOffset RequestTimeFor(int count)
{
    var sample = Math.Min(count, 64);
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    _ = PreparedRequest.Prepare(sample, _ => PreparedRequest.Demographic(residents[0], transactions.Next()), profile, DateTimeOffset.UtcNow);
    var perRequest = System.Diagnostics.Stopwatch.GetElapsedTime(started) / sample;
    return DateTimeOffset.UtcNow + (perRequest * count) + TimeSpan.FromSeconds(2);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
