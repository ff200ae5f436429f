namespace Civitas.Common.Envelope;

/// <summary>
/// Endpoint metadata naming the envelope type a route reads, so the API document can show it.
/// (Accepts-metadata would also make routing reject other content types with a bare 415 before the
/// envelope could answer with the service's error code, so it is deliberately not used.)
/// </summary>
public sealed record MosipRequestBodyMetadata(Type EnvelopeType);
