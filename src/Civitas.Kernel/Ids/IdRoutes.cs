using System.Data.Common;
using System.Text.Json.Serialization;
using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Civitas.Common.Security;
using Civitas.Kernel.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>UIN, VID, RID and static token routes, each on the seed's path and the current one (REFERENCE.md §0).</summary>
internal static class IdRoutes
{
    private const string UinResponseId = "mosip.kernel.uingenerator.uin";
    private const string VidResponseId = "mosip.kernel.idgenerator.vid";
    private const string RidResponseId = "mosip.kernel.ridgenerator.rid";
    private const string TokenResponseId = "mosip.kernel.tokenidgenerator";

    public static void MapIdGenerators(this IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/v1/uingenerator", "/v1/idgenerator" })
        {
            var uin = routes.MapGroup(prefix).WithMosipEnvelope(UinErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("ID generator");
            uin.MapGet("/uin", AllocateUinAsync);
            uin.MapPut("/uin", UpdateUinStatusAsync);
        }

        routes.MapGroup("/v1/idgenerator").WithMosipEnvelope("KER-VID").RequireCivitasScope(CivitasScopes.Kernel).WithTags("ID generator")
            .MapGet("/vid", GenerateVidAsync);

        routes.MapGroup("/v1/ridgenerator").WithMosipEnvelope(RidErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("ID generator")
            .MapGet("/generate/rid/{centerId}/{machineId}", GenerateRidAsync);

        foreach (var path in new[] { "/v1/tokenidgenerator/{uin}/{partnerCode}", "/v1/keymanager/tokenid/{uin}/{partnerCode}" })
        {
            routes.MapGroup("").WithMosipEnvelope(TokenErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("ID generator")
                .MapGet(path, GenerateToken);
        }
    }

    internal static async Task<Ok<MosipResponse<UinResponse>>> AllocateUinAsync(
        IUinAllocator allocator, ILoggerFactory logs, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            return Mosip.Ok(UinResponseId, new UinResponse(await allocator.AllocateAsync(cancellationToken)), clock);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException)
        {
            logs.CreateLogger(typeof(IdRoutes)).LogError(ex, "UIN allocation failed");
            return Mosip.Fail<UinResponse>(UinResponseId, UinErrors.Internal);
        }
    }

    internal static async Task<Ok<MosipResponse<UinStatusResponse>>> UpdateUinStatusAsync(
        MosipBody<UinStatusRequest> body, IUinAllocator allocator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Request;
        if (string.IsNullOrWhiteSpace(request.Uin))
        {
            return Mosip.Fail<UinStatusResponse>(body, UinErrors.NotFound);
        }

        if (string.IsNullOrWhiteSpace(request.Status))
        {
            return Mosip.Fail<UinStatusResponse>(body, UinErrors.StatusNotFound);
        }

        var status = request.Status.Trim().ToUpperInvariant();
        return await allocator.UpdateStatusAsync(request.Uin.Trim(), status, cancellationToken) switch
        {
            UinStatusChange.Updated => Mosip.Ok(body, new UinStatusResponse(request.Uin.Trim(), status), clock),
            UinStatusChange.UnknownStatus => Mosip.Fail<UinStatusResponse>(body, UinErrors.StatusNotFound),
            UinStatusChange.NotIssued => Mosip.Fail<UinStatusResponse>(body, UinErrors.NotIssued),
            _ => Mosip.Fail<UinStatusResponse>(body, UinErrors.NotFound),
        };
    }

    internal static async Task<Ok<MosipResponse<VidResponse>>> GenerateVidAsync(
        string? vidType, IVidGenerator vids, HttpContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        var codes = context.GetEndpoint()!.Metadata.GetRequiredMetadata<ServiceErrorCodes>();
        if (vidType is { Length: > 32 })
        {
            return Mosip.Fail<VidResponse>(VidResponseId, codes.InvalidInput("vidType is not a known VID type"));
        }

        var vid = await vids.GenerateAsync(vidType, cancellationToken);
        return vid is null
            ? Mosip.Fail<VidResponse>(VidResponseId, codes.InvalidInput("vidType is not a known VID type"))
            : Mosip.Ok(VidResponseId, new VidResponse(vid.Vid, vid.VidType, vid.ExpiresAt is { } at ? MosipTime.Format(at) : null), clock);
    }

    internal static async Task<Ok<MosipResponse<RidResponse>>> GenerateRidAsync(
        string centerId, string machineId, IRidGenerator rids, IOptions<KernelOptions> options, ILoggerFactory logs,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (RidInput.Check(centerId, machineId, options.Value.Rid) is { } problem)
        {
            return Mosip.Fail<RidResponse>(RidResponseId, problem);
        }

        try
        {
            return Mosip.Ok(RidResponseId, new RidResponse(await rids.GenerateAsync(centerId, machineId, cancellationToken)), clock);
        }
        catch (DbException ex)
        {
            logs.CreateLogger(typeof(IdRoutes)).LogError(ex, "RID sequence update failed");
            return Mosip.Fail<RidResponse>(RidResponseId, RidErrors.UpdateFailed);
        }
    }

    internal static Ok<MosipResponse<TokenResponse>> GenerateToken(
        string uin, string partnerCode, IStaticTokenGenerator tokens, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(uin) || string.IsNullOrWhiteSpace(partnerCode))
        {
            return Mosip.Fail<TokenResponse>(TokenResponseId, TokenErrors.EmptyInput);
        }

        return Mosip.Ok(TokenResponseId, new TokenResponse(tokens.Generate(uin, partnerCode)), clock);
    }
}

internal sealed record UinResponse([property: JsonPropertyName("uin")] string Uin);

internal sealed record UinStatusRequest(
    [property: JsonPropertyName("uin")] string? Uin,
    [property: JsonPropertyName("status")] string? Status);

internal sealed record UinStatusResponse(
    [property: JsonPropertyName("uin")] string Uin,
    [property: JsonPropertyName("status")] string Status);

internal sealed record VidResponse(
    [property: JsonPropertyName("vid")] string Vid,
    [property: JsonPropertyName("vidType")] string VidType,
    [property: JsonPropertyName("expiryTimestamp")] string? ExpiryTimestamp);

internal sealed record RidResponse([property: JsonPropertyName("rid")] string Rid);

internal sealed record TokenResponse([property: JsonPropertyName("tokenID")] string TokenId);
