using System.Text.Json;
using System.Text.Json.Serialization;
using Civitas.Common.Envelope;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Kernel.ApplicantTypes;

/// <summary>
/// <c>/v1/applicanttype/getApplicantType</c>: GET with the seed's parameters in the query, or POST with them in the
/// envelope (flat, or as MOSIP's <c>attributes</c> list of <c>{attribute, value}</c>).
/// </summary>
internal static class ApplicantTypeRoutes
{
    private const string ResponseId = "mosip.kernel.applicanttype.get";

    public static void MapApplicantType(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/applicanttype").WithMosipEnvelope(ApplicantTypeErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("Applicant type");
        group.MapGet("/getApplicantType", FromQuery);
        group.MapPost("/getApplicantType", FromBody);
    }

    internal static Ok<MosipResponse<ApplicantTypeResponse>> FromQuery(
        string? individualTypeCode, string? genderCode, string? dateofbirth, string? biometricAvailable, string? languagecode,
        ApplicantTypeRules rules, TimeProvider clock) =>
        Answer(ResponseId, rules.Read(individualTypeCode, genderCode, dateofbirth, biometricAvailable, languagecode), rules, clock);

    internal static Ok<MosipResponse<ApplicantTypeResponse>> FromBody(MosipBody<ApplicantTypeRequest> body, ApplicantTypeRules rules, TimeProvider clock)
    {
        var request = body.Request;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["individualTypeCode"] = request.IndividualTypeCode,
            ["genderCode"] = request.GenderCode,
            ["dateofbirth"] = request.DateOfBirth,
            ["biometricAvailable"] = Text(request.BiometricAvailable),
            ["languagecode"] = request.LanguageCode,
        };
        foreach (var attribute in request.Attributes ?? [])
        {
            if (attribute.Attribute is { } name)
            {
                values[name] = Text(attribute.Value);
            }
        }

        var applicant = rules.Read(values["individualTypeCode"], values["genderCode"], values["dateofbirth"], values["biometricAvailable"], values["languagecode"]);
        return Answer(body.Id ?? ResponseId, applicant, rules, clock);
    }

    private static Ok<MosipResponse<ApplicantTypeResponse>> Answer(string id, Applicant? applicant, ApplicantTypeRules rules, TimeProvider clock)
    {
        if (applicant is not { } known)
        {
            return Mosip.Fail<ApplicantTypeResponse>(id, ApplicantTypeErrors.InvalidRequest);
        }

        return rules.Evaluate(known) is { } code
            ? Mosip.Ok(id, new ApplicantTypeResponse(new ApplicantTypeCode(code)), clock)
            : Mosip.Fail<ApplicantTypeResponse>(id, ApplicantTypeErrors.NotFound);
    }

    private static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or null => null,
        _ => "?",
    };
}

internal sealed record ApplicantTypeRequest(
    [property: JsonPropertyName("individualTypeCode")] string? IndividualTypeCode,
    [property: JsonPropertyName("genderCode")] string? GenderCode,
    [property: JsonPropertyName("dateofbirth")] string? DateOfBirth,
    [property: JsonPropertyName("biometricAvailable")] JsonElement? BiometricAvailable,
    [property: JsonPropertyName("languagecode")] string? LanguageCode,
    [property: JsonPropertyName("attributes")] List<ApplicantAttribute>? Attributes);

internal sealed record ApplicantAttribute(
    [property: JsonPropertyName("attribute")] string? Attribute,
    [property: JsonPropertyName("value")] JsonElement? Value);

internal sealed record ApplicantTypeResponse([property: JsonPropertyName("applicantType")] ApplicantTypeCode ApplicantType);

internal sealed record ApplicantTypeCode([property: JsonPropertyName("applicantTypeCode")] string Code);
