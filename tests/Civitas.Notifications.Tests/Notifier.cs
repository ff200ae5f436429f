using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Notifications.Persistence;
using Civitas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Notifications.Tests;

/// <summary>Calls the notifier routes as MOSIP clients do, and reads the outbox the way an operator would.</summary>
internal static class Notifier
{
    public const string SmsPath = "/v1/notifier/sms/send";
    public const string SmsSeedPath = "/v1/smsnotifier/sms/send";
    public const string EmailPath = "/v1/notifier/email/send";
    public const string EmailSeedPath = "/v1/emailnotifier/email/send";

    /// <summary>Fast retries for tests: 0.3 s, then 0.6 s, at most 3 attempts, polled every 0.2 s.</summary>
    public static Dictionary<string, string?> FastRetries() => new()
    {
        ["Civitas:Notifications:Retry:InitialDelay"] = "00:00:00.300",
        ["Civitas:Notifications:Retry:MaxDelay"] = "00:00:01",
        ["Civitas:Notifications:Retry:PollInterval"] = "00:00:00.200",
        ["Civitas:Notifications:Retry:MaxAttempts"] = "3",
    };

    public static async Task<JsonElement> SendSmsAsync(HttpClient client, object request, string path = SmsPath)
    {
        using var response = await client.PostAsJsonAsync(path, new { id = "mosip.kernel.sms.send", version = "1.0", requesttime = "2026-11-24T10:00:00.000Z", request });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A multipart e-mail request; <paramref name="fields"/> may repeat names (mailTo twice).</summary>
    public static MultipartFormDataContent EmailForm(IEnumerable<(string Name, string Value)> fields, params (string FileName, string ContentType, byte[] Content)[] attachments)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (fileName, contentType, content) in attachments)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "attachments", fileName);
        }

        return form;
    }

    public static async Task<(int Status, JsonElement Body)> SendEmailAsync(HttpClient client, HttpContent content, string path = EmailPath)
    {
        using var response = await client.PostAsync(path, content);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static string? ErrorCode(JsonElement body) =>
        body.GetProperty("errors").ValueKind == JsonValueKind.Array ? body.GetProperty("errors")[0].GetProperty("errorCode").GetString() : null;

    public static string? ErrorMessage(JsonElement body) =>
        body.GetProperty("errors").ValueKind == JsonValueKind.Array ? body.GetProperty("errors")[0].GetProperty("message").GetString() : null;

    public static async Task<List<OutboxMessageEntity>> OutboxAsync(CivitasTestHost host)
    {
        await using var context = await host.Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        return await context.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }

    /// <summary>Waits until the outbox row matching <paramref name="hint"/> reaches <paramref name="status"/>.</summary>
    public static async Task<OutboxMessageEntity> WaitForOutboxAsync(CivitasTestHost host, string hint, OutboxStatus status)
    {
        for (var poll = 0; poll < 300; poll++)
        {
            var row = (await OutboxAsync(host)).LastOrDefault(m => m.RecipientHint == hint);
            if (row?.Status == status)
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The outbox message for {hint} never became {status}.");
    }
}
