namespace Civitas.Keys;

/// <summary>A business failure with a stable MOSIP error code (<c>KER-KMS-*</c>, <c>KER-CRY-*</c>, ...); the routes turn it into <c>errors[]</c>.</summary>
public sealed class KeysException : Exception
{
    public KeysException(KeysError error)
        : base(error.Message) => Error = error;

    public KeysException(KeysError error, string detail)
        : this(error with { Message = WithDetail(error.Message, detail) })
    {
    }

    public KeysException()
        : this(KeysErrors.InvalidRequest)
    {
    }

    public KeysException(string message)
        : this(KeysErrors.InvalidRequest, message)
    {
    }

    public KeysException(string message, Exception innerException)
        : base(message, innerException) => Error = KeysErrors.InvalidRequest;

    public KeysError Error { get; }

    // MOSIP messages such as "Missing Input Parameter - " expect the detail appended as is.
    private static string WithDetail(string message, string detail) =>
        message.EndsWith(' ') ? message + detail : $"{message}: {detail}";
}

public sealed record KeysError(string Code, string Message);
