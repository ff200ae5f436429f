namespace Civitas.Authentication.Errors;

/// <summary>
/// One IDA error: a stable code and its message. Catalogue messages may hold <c>%s</c> placeholders (as MOSIP's do);
/// <see cref="With"/> fills them with the attribute or field the error is about. Never put secrets in a detail.
/// </summary>
public sealed record IdaError(string ErrorCode, string ErrorMessage)
{
    /// <summary>The same code with each <c>%s</c> replaced in turn by <paramref name="values"/>.</summary>
    public IdaError With(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var message = ErrorMessage;
        foreach (var value in values)
        {
            var at = message.IndexOf("%s", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            message = string.Concat(message.AsSpan(0, at), value, message.AsSpan(at + 2));
        }
        return this with { ErrorMessage = message };
    }
}
