using BenchmarkDotNet.Running;
using Civitas.Benchmarks.Audit;

// throughput [events]          audit events/s through IAuditLog (enqueue cost and end-to-end to the database)
// http [requests] [concurrency] POST /v1/auditmanager/audits requests/s (each answered once stored)
// micro                         BenchmarkDotNet: hashing and validation per entry
return args.FirstOrDefault() switch
{
    "throughput" => await LibraryThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000),
    "http" => await HttpThroughput.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 32),
    "micro" => Micro(),
    _ => Usage(),
};

static int Micro()
{
    BenchmarkRunner.Run<AuditEntryBenchmarks>();
    BenchmarkRunner.Run<EnqueueBenchmarks>();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: throughput [events] | http [requests] [concurrency] | micro");
    return 2;
}
