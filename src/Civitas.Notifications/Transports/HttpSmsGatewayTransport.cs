using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Transports;

/// <summary>
/// Sends SMS through any HTTP gateway: the URL (and optional body) templates take <c>{number}</c> and <c>{message}</c>,
/// configured headers carry the gateway's credentials. 2xx is delivered; 408, 429 and 5xx are retried; other 4xx
/// mean the gateway refused the message for good.
/// </summary>
internal sealed class HttpSmsGatewayTransport(IHttpClientFactory clients, IOptions<NotificationsOptions> options) : ISmsTransport
{
    public const string ClientName = "civitas-sms-gateway";

    public async Task<DeliveryOutcome> SendAsync(SmsPayload sms, CancellationToken cancellationToken)
    {
        var gateway = options.Value.Sms.Gateway;
        using var request = BuildRequest(gateway, sms);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(gateway.Timeout);
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Delivered;
            }

            var error = $"SMS gateway answered HTTP {status}";
            return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                ? DeliveryOutcome.Transient(error)
                : DeliveryOutcome.Permanent(NotificationFailure.Rejected, error);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.Transient($"SMS gateway unreachable ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Transient($"SMS gateway did not answer within {gateway.Timeout}");
        }
    }

    private static HttpRequestMessage BuildRequest(SmsGatewayOptions gateway, SmsPayload sms)
    {
        var url = gateway.UrlTemplate
            .Replace("{number}", Uri.EscapeDataString(sms.Number), StringComparison.Ordinal)
            .Replace("{message}", Uri.EscapeDataString(sms.Message), StringComparison.Ordinal);
        var request = new HttpRequestMessage(gateway.Method == "GET" ? HttpMethod.Get : HttpMethod.Post, url);
        if (gateway.Method != "GET" && !string.IsNullOrEmpty(gateway.BodyTemplate))
        {
            var json = gateway.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase);
            string Encode(string value) => json ? JsonEncodedText.Encode(value).ToString() : Uri.EscapeDataString(value);
            var body = gateway.BodyTemplate
                .Replace("{number}", Encode(sms.Number), StringComparison.Ordinal)
                .Replace("{message}", Encode(sms.Message), StringComparison.Ordinal);
            request.Content = new StringContent(body, Encoding.UTF8, gateway.ContentType);
        }

        foreach (var (name, value) in gateway.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
