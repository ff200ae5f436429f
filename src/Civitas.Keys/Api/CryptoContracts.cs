namespace Civitas.Keys.Api;

/// <summary>Body of <c>encrypt</c>/<c>decrypt</c> (MOSIP CryptomanagerRequestDto); byte fields are base64 or base64url.</summary>
internal sealed record CryptomanagerRequest(
    string? ApplicationId,
    string? ReferenceId,
    string? TimeStamp,
    string? Data,
    string? Salt,
    string? Aad,
    bool? PrependThumbprint);

internal sealed record CryptomanagerResponse(string Data);
