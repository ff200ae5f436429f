using System.Buffers;
using System.Text.Json;
using Civitas.Authentication.Errors;
using Civitas.Common.Envelope;
using Civitas.Keys.Signatures;
using Civitas.Partners;

namespace Civitas.Authentication.Api;

/// <summary>
/// What a handler answers: the IDA response shape (not the kernel envelope) with <c>errors</c> or a
/// <c>response</c> object. Written once to bytes, signed with the IDA signing key as a detached JWS over exactly
/// those bytes (<c>response-signature</c> header, with <c>x5c</c> and <c>x5t#S256</c>), then sent.
/// </summary>
internal sealed class IdaResponse : IResult
{
    private static readonly JwsSignOptions SignOptions = new() { IncludePayload = false, IncludeCertificate = true, IncludeCertificateHash = true, Algorithm = JwsAlgorithms.RS256 };

    public IdaResponse(string id, string? transactionId, IReadOnlyList<IdaError>? errors, Action<Utf8JsonWriter>? writeResponse, int statusCode = StatusCodes.Status200OK)
    {
        Id = id;
        TransactionId = transactionId;
        Errors = errors;
        WriteResponse = writeResponse;
        StatusCode = statusCode;
    }

    public string Id { get; }

    public string? TransactionId { get; }

    public IReadOnlyList<IdaError>? Errors { get; }

    public Action<Utf8JsonWriter>? WriteResponse { get; }

    public int StatusCode { get; }

    public static IdaResponse Fail(string id, string? transactionId, IdaError error, int statusCode = StatusCodes.Status200OK) =>
        new(id, transactionId, [error], null, statusCode);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        var body = Render(clock.GetUtcNow());
        await SendSignedAsync(httpContext, body, StatusCode);
    }

    /// <summary>Signs <paramref name="body"/> and writes it with the <c>response-signature</c> header (shared with the v1.0 shape).</summary>
    internal static async Task SendSignedAsync(HttpContext httpContext, byte[] body, int statusCode)
    {
        var signer = httpContext.RequestServices.GetRequiredService<ISigner>();
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.Headers["response-signature"] = signer.Sign(IdaKeys.ApplicationId, IdaKeys.SignReference, body, SignOptions);
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    private byte[] Render(DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Id);
            writer.WriteString("version", "1.0");
            writer.WriteString("transactionID", TransactionId);
            writer.WriteString("responseTime", MosipTime.Format(now));
            if (Errors is { Count: > 0 })
            {
                writer.WriteStartArray("errors");
                foreach (var error in Errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("errorCode", error.ErrorCode);
                    writer.WriteString("errorMessage", error.ErrorMessage);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNull("errors");
            }
            if (WriteResponse is not null)
            {
                writer.WritePropertyName("response");
                WriteResponse(writer);
            }
            else
            {
                writer.WriteNull("response");
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
