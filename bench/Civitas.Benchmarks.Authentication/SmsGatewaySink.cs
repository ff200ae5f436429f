using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Civitas.Benchmarks.Authentication;

/// <summary>
/// A stand-in SMS gateway (the edge of the system, named as such): Civitas is started with
/// <c>Civitas:Notifications:Sms:Transport=HttpSmsGateway</c> pointing here, and the OTP of each message is kept
/// by phone number so the load driver can answer like the resident would.
/// </summary>
internal sealed partial class SmsGatewaySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _otpByNumber = new(StringComparer.Ordinal);

    private SmsGatewaySink(WebApplication app) => _app = app;

    public static async Task<SmsGatewaySink> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var sink = new SmsGatewaySink(app);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            var number = Digits(request.Query["to"].ToString());
            using var body = await JsonDocument.ParseAsync(request.Body);
            var text = body.RootElement.TryGetProperty("text", out var value) ? value.GetString() ?? "" : "";
            var otp = OtpPattern().Match(text);
            if (otp.Success)
            {
                sink._otpByNumber[number] = otp.Value;
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>The settings that make Civitas send its SMS here.</summary>
    public static string[] CivitasSettings(int port) =>
    [
        "--Civitas:Notifications:Sms:Transport=HttpSmsGateway",
        $"--Civitas:Notifications:Sms:Gateway:UrlTemplate=http://127.0.0.1:{port}/sms?to={{number}}",
        "--Civitas:Notifications:Sms:Gateway:BodyTemplate={\"text\":\"{message}\"}",
    ];

    public bool TryTake(string phone, out string otp) => _otpByNumber.TryRemove(Digits(phone), out otp!);

    public int Waiting => _otpByNumber.Count;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex OtpPattern();
}
