namespace Civitas.Common.Errors;

/// <summary>
/// The error prefix of one MOSIP-style service (e.g. <c>KER-CRY</c>), attached to its route group.
/// It yields the two codes every MOSIP service has: <c>-999</c> for input that cannot be read
/// and <c>-500</c> for an unexpected failure.
/// </summary>
public sealed class ServiceErrorCodes(string prefix)
{
    public string Prefix { get; } = prefix;

    public ServiceError InvalidInput(string detail) => new($"{Prefix}-999", $"Invalid request input: {detail}");

    public ServiceError Internal => new($"{Prefix}-500", "Internal server error");
}
