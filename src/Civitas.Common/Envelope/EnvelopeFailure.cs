namespace Civitas.Common.Envelope;

/// <summary>Why a request body could not be turned into an envelope; decided before any handler runs.</summary>
public enum EnvelopeFailureKind
{
    /// <summary>The body is not JSON, or a field has the wrong type.</summary>
    Unreadable,

    /// <summary>The body is JSON but has no <c>request</c> object.</summary>
    MissingRequest,

    /// <summary>The content type is not <c>application/json</c>.</summary>
    UnsupportedContentType,

    /// <summary>The body is larger than <c>Civitas:MaxRequestBodyBytes</c>.</summary>
    TooLarge,
}

/// <summary>A failed envelope read: its kind and a short, safe description (never exception text).</summary>
public sealed record EnvelopeFailure(EnvelopeFailureKind Kind, string Detail)
{
    /// <summary>HTTP status for the failure: transport problems keep their HTTP meaning, the rest is MOSIP's 200.</summary>
    public int HttpStatus => Kind switch
    {
        EnvelopeFailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EnvelopeFailureKind.UnsupportedContentType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status200OK,
    };
}
