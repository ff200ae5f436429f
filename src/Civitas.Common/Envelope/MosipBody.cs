using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Common.Envelope;

/// <summary>Lets the envelope filter find a body parameter without knowing its type argument.</summary>
public interface IMosipBody
{
    EnvelopeFailure? Failure { get; }

    string? Id { get; }

    string? Version { get; }
}

/// <summary>
/// A handler parameter holding the MOSIP request envelope. Binding never throws: a body that is too large,
/// of the wrong content type, unreadable or without <c>request</c> is recorded as a <see cref="Failure"/>,
/// and the envelope filter (see <see cref="MosipRouteGroupExtensions.WithMosipEnvelope"/>) answers it with the
/// service's error code before the handler runs. Handlers therefore only ever see a complete envelope.
/// </summary>
public sealed class MosipBody<T> : IMosipBody, IEndpointParameterMetadataProvider
    where T : class
{
    private readonly MosipRequest<T>? _envelope;

    private MosipBody(MosipRequest<T>? envelope, EnvelopeFailure? failure)
    {
        _envelope = envelope;
        Failure = failure;
    }

    public EnvelopeFailure? Failure { get; }

    public string? Id => _envelope?.Id;

    public string? Version => _envelope?.Version;

    public string? RequestTime => _envelope?.RequestTime;

    /// <summary>The inner <c>request</c> object; present whenever the handler runs.</summary>
    public T Request => _envelope?.Request
        ?? throw new InvalidOperationException("MosipBody used outside a route group with WithMosipEnvelope().");

    public static async ValueTask<MosipBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        if (!HasJsonContentType(request))
        {
            return Failed(EnvelopeFailureKind.UnsupportedContentType, "content type must be application/json");
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<CivitasOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return Failed(EnvelopeFailureKind.TooLarge, $"request body is larger than {limit} bytes");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        MosipRequest<T>? envelope;
        try
        {
            envelope = await JsonSerializer.DeserializeAsync<MosipRequest<T>>(request.Body, options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            // The path names the offending field; the exception text itself is not shown to the caller.
            var where = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path;
            return Failed(EnvelopeFailureKind.Unreadable, $"malformed JSON at {where}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Failed(EnvelopeFailureKind.TooLarge, $"request body is larger than {limit} bytes");
        }

        if (envelope is null)
        {
            return Failed(EnvelopeFailureKind.Unreadable, "body is empty or null");
        }

        if (envelope.Request is null)
        {
            return new MosipBody<T>(envelope, new EnvelopeFailure(EnvelopeFailureKind.MissingRequest, "request is missing"));
        }

        return new MosipBody<T>(envelope, null);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Custom binding hides the body from OpenAPI; declare it so /docs shows the envelope.
        builder.Metadata.Add(new MosipRequestBodyMetadata(typeof(MosipRequest<T>)));
    }

    private static MosipBody<T> Failed(EnvelopeFailureKind kind, string detail) => new(null, new EnvelopeFailure(kind, detail));

    private static bool HasJsonContentType(HttpRequest request) =>
        request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
