using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Benchmarks.Kernel;
using Civitas.Kernel.Ids;
using Civitas.Kernel.Otp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage (Release): dotnet run -c Release --project bench/Civitas.Benchmarks.Kernel -- [mode] [--db <connection string>]
//   [--seconds 10] [--concurrency 32] [--port 0]
// mode: http (default: OTP generate, OTP validate, UIN over HTTP), library (the same through the interfaces, no HTTP),
//       profile (the parts of a request measured alone: HMAC, EF context, HTTP without database work),
//       serve (start a host, print the base address and a kernel token, optionally --otps N fresh OTPs in a file,
//       run until stopped; for wrk/run.sh).
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "http";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var db = Option("--db") ?? "";
var seconds = TimeSpan.FromSeconds(int.Parse(Option("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture));
var concurrency = int.Parse(Option("--concurrency") ?? "32", System.Globalization.CultureInfo.InvariantCulture);
var port = int.Parse(Option("--port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

await using var host = await BenchHost.StartAsync(db, port);
Console.WriteLine($"database: {(db.Length == 0 ? "SQLite (data directory)" : "PostgreSQL")}, {Environment.ProcessorCount} cores, {mode}");

if (mode == "profile")
{
    await Profile.RunAsync(host, concurrency, seconds);
    return;
}

if (mode == "serve")
{
    Console.WriteLine($"address: {host.Address}");
    Console.WriteLine($"token: {host.Token}");
    // For wrk/validate.lua: fresh OTPs ("key otp" per line), generated through the library before the load.
    var otpCount = int.Parse(Option("--otps") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    var otpFile = Path.Combine(host.DataDirectory, "pending-otps.txt");
    var generated = new ConcurrentBag<string>();
    var generator = host.App.Services.GetRequiredService<IOtpService>();
    await Parallel.ForAsync(0, otpCount, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    {
        var key = "serve-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        generated.Add(key + " " + (await generator.GenerateAsync(key)).Otp);
    });
    await File.WriteAllLinesAsync(otpFile, generated);
    if (db.Length > 0)
    {
        // The pool refill and the OTPs just written leave autovacuum work that would otherwise land in the
        // measured seconds (PostgreSQL's CPU per request in wrk/run.sh): do it now.
        await using var connection = new Npgsql.NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var vacuum = new Npgsql.NpgsqlCommand("VACUUM ANALYZE kernel_uin, kernel_otp", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"otps: {otpFile}");
    Console.WriteLine("serving until stopped (Ctrl+C or SIGTERM)");
    await host.App.WaitForShutdownAsync();
    return;
}

// Pending OTPs: generation fills the queue, validation consumes it, so every validation checks a real, fresh OTP.
var pending = new ConcurrentQueue<(string Key, string Otp)>();
var next = 0L;
string NewKey() => "bench-" + Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);

if (mode == "library")
{
    var otps = host.App.Services.GetRequiredService<IOtpService>();
    var uins = host.App.Services.GetRequiredService<IUinAllocator>();
    Console.WriteLine(await Load.RunAsync("OTP generate (library)", concurrency, seconds, async _ =>
    {
        var key = NewKey();
        pending.Enqueue((key, (await otps.GenerateAsync(key)).Otp!));
        return true;
    }));
    Console.WriteLine(await Load.RunAsync("OTP validate (library)", concurrency, seconds, async _ =>
    {
        if (!pending.TryDequeue(out var item))
        {
            return false;
        }

        return await otps.ValidateAsync(item.Key, item.Otp) == OtpValidationResult.Valid
            ? true
            : throw new InvalidOperationException("A fresh OTP did not validate.");
    }));
    Console.WriteLine(await Load.RunAsync("UIN allocate (library)", concurrency, seconds, async _ => (await uins.AllocateAsync()).Length > 0));
    return;
}

using var client = host.CreateClient();
Console.WriteLine(await Load.RunAsync("OTP generate (HTTP)", concurrency, seconds, async _ =>
{
    var key = NewKey();
    using var response = await client.PostAsJsonAsync("/v1/otpmanager/otp/generate", new { id = "mosip.kernel.otp.generate", version = "1.0", request = new { key } });
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    pending.Enqueue((key, body.GetProperty("response").GetProperty("otp").GetString()!));
    return true;
}));
Console.WriteLine($"  ({pending.Count:N0} OTPs pending for validation)");
Console.WriteLine(await Load.RunAsync("OTP validate (HTTP)", concurrency, seconds, async _ =>
{
    if (!pending.TryDequeue(out var item))
    {
        return false;
    }

    using var response = await client.GetAsync($"/v1/otpmanager/otp/validate?key={item.Key}&otp={item.Otp}");
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (body.GetProperty("response").GetProperty("message").GetString() != "VALIDATION_SUCCESSFUL")
    {
        throw new InvalidOperationException("A fresh OTP did not validate.");
    }

    return true;
}));
Console.WriteLine($"  ({pending.Count:N0} OTPs left; a worker stops when none is left)");
Console.WriteLine(await Load.RunAsync("UIN allocate (HTTP)", concurrency, seconds, async _ =>
{
    using var response = await client.GetAsync("/v1/idgenerator/uin");
    response.EnsureSuccessStatusCode();
    return true;
}));
