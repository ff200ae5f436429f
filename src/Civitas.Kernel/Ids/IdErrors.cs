using Civitas.Common.Errors;

namespace Civitas.Kernel.Ids;

/// <summary>UIN generator errors, exactly as the kernel seed lists them.</summary>
internal static class UinErrors
{
    public const string Prefix = "KER-UIG";

    public static readonly ServiceError NotFound = new("KER-UIG-001", "UIN could not be found");
    public static readonly ServiceError StatusNotFound = new("KER-UIG-003", "Given UIN status not found");
    public static readonly ServiceError NotIssued = new("KER-UIG-004", "Given UIN is not in ISSUED status");
    public static readonly ServiceError Internal = new("KER-UIG-005", "Internal Server Error");
    public static readonly ServiceError ConfigFetchFailed = new("KER-UIG-006", "Error in retrieving from config server");
}

/// <summary>RID generator errors, exactly as the kernel seed lists them.</summary>
internal static class RidErrors
{
    public const string Prefix = "KER-RIG";

    public static readonly ServiceError EmptyInput = new("KER-RIG-002", "Empty input entered");
    public static readonly ServiceError InputLength = new("KER-RIG-003", "Input length is not valid");
    public static readonly ServiceError TimestampLength = new("KER-RIG-004", "Timestamp length should be greater than zero");
    public static readonly ServiceError FetchFailed = new("KER-RIG-005", "Error occured while fetching rid");
    public static readonly ServiceError UpdateFailed = new("KER-RIG-006", "Error occured while storing rid");
    public static readonly ServiceError SequenceLength = new("KER-RIG-007", "Sequence length should be greater than zero");
    public static readonly ServiceError Runtime = new("KER-RIG-500", "Runtime Exception");
}

/// <summary>Static token id errors, exactly as the kernel seed lists them.</summary>
internal static class TokenErrors
{
    public const string Prefix = "KER-TIG";

    public static readonly ServiceError EmptyInput = new("KER-TIG-010", "UIN and partner code cannot be empty");
    public static readonly ServiceError Internal = new("KER-UIG-005", "Internal Server Error");
}
