namespace Civitas.LinkedData.JsonLd;

/// <summary>A JSON-LD processing error; <see cref="Code"/> is the error code of the JSON-LD 1.1 API (e.g. "invalid IRI mapping").</summary>
public sealed class JsonLdException : Exception
{
    public JsonLdException()
        : this("unknown", "JSON-LD processing failed")
    {
    }

    public JsonLdException(string message)
        : this("unknown", message)
    {
    }

    public JsonLdException(string message, Exception inner)
        : base(message, inner)
    {
        Code = "unknown";
    }

    public JsonLdException(string code, string message, Exception? inner = null)
        : base($"{code}: {message}", inner)
    {
        Code = code;
    }

    public string Code { get; }
}
