using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civitas.Notifications.Tests;

/// <summary>
/// A FAKE SMS gateway (the one stand-in at the system's edge): a small Kestrel listener on 127.0.0.1 that records
/// every request. Its answer depends on the number's last digits, so tests pick behaviour by number:
/// ...0400 → 400 always, ...0503 → 503 always, ...1503 → 503 on the first request only, anything else → 200.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _seen = new();

    private FakeSmsGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedSms> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/send", (Delegate)gateway.HandleAsync);
        await app.StartAsync();
        gateway.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return gateway;
    }

    public IReadOnlyList<RecordedSms> For(string number) => [.. Requests.Where(r => r.Number == number)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var number = context.Request.Query["to"].ToString();
        Requests.Enqueue(new RecordedSms(number, body, context.Request.Headers["X-Api-Key"].ToString(), context.Request.ContentType ?? ""));
        var count = _seen.AddOrUpdate(number, 1, (_, n) => n + 1);
        return number switch
        {
            _ when number.EndsWith("0400", StringComparison.Ordinal) => Results.StatusCode(400),
            _ when number.EndsWith("0503", StringComparison.Ordinal) => Results.StatusCode(503),
            _ when number.EndsWith("1503", StringComparison.Ordinal) && count == 1 => Results.StatusCode(503),
            _ => Results.Ok(new { accepted = true }),
        };
    }
}

public sealed record RecordedSms(string Number, string Body, string ApiKey, string ContentType);
