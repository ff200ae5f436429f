using Civitas.Common.Security;
using Civitas.Partners.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Partners.Api;

/// <summary>Administration of MISPs, policies and partners, <c>/v1/partners</c> (scope <c>civitas.admin</c>); plain JSON and RFC 9457 problems.</summary>
internal static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/partners")
            .RequireCivitasScope(CivitasScopes.Admin)
            .WithTags("Partners");
        group.MapPost("/misps", CreateMispAsync).WithSummary("Create a MISP and its licence key (shown only in this answer)");
        group.MapPost("/policies", CreatePolicyAsync).WithSummary("Create a partner policy");
        group.MapGet("/policies/{policyId}", GetPolicyAsync).WithSummary("Read a policy");
        group.MapPut("/policies/{policyId}/status", SetPolicyStatusAsync).WithSummary("Set ACTIVE or INACTIVE");
        group.MapGet("/ida-certificate", GetIdaCertificate).WithSummary("The certificate partners encrypt request session keys to");
        group.MapPost("/", CreatePartnerAsync).WithSummary("Onboard a partner: certificates into the trust store, an API key (shown only in this answer)");
        group.MapGet("/", ListPartnersAsync).WithSummary("Every partner");
        group.MapGet("/{partnerId}", GetPartnerAsync).WithSummary("Read a partner");
        group.MapPut("/{partnerId}/status", SetPartnerStatusAsync).WithSummary("Set ACTIVE or DEACTIVATED");
        group.MapPost("/{partnerId}/apikey", RotateApiKeyAsync).WithSummary("Replace the API key; the old one stops working");
        return group;
    }

    private static async Task<Results<Created<MispView>, ValidationProblem, ProblemHttpResult>> CreateMispAsync(
        CreateMispRequest request, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Created(await administration.CreateMispAsync(request, cancellationToken), view => $"/v1/partners/misps/{view.MispId}");

    private static async Task<Results<Created<PolicyView>, ValidationProblem, ProblemHttpResult>> CreatePolicyAsync(
        CreatePolicyRequest request, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Created(await administration.CreatePolicyAsync(request, cancellationToken), view => $"/v1/partners/policies/{view.PolicyId}");

    private static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> GetPolicyAsync(
        string policyId, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        await administration.GetPolicyAsync(policyId, cancellationToken) is { } policy ? TypedResults.Ok(policy) : NotFound("No policy with this id.");

    private static async Task<Results<Ok<PolicyView>, ValidationProblem, ProblemHttpResult>> SetPolicyStatusAsync(
        string policyId, StatusRequest request, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Respond(await administration.SetPolicyStatusAsync(policyId, request.Status, cancellationToken));

    private static Ok<IdaCertificateView> GetIdaCertificate(IPartnerAdministration administration) => TypedResults.Ok(administration.GetIdaCertificate());

    private static async Task<Results<Created<OnboardedPartnerView>, ValidationProblem, ProblemHttpResult>> CreatePartnerAsync(
        CreatePartnerRequest request, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Created(await administration.CreatePartnerAsync(request, cancellationToken), view => $"/v1/partners/{view.PartnerId}");

    private static async Task<Ok<IReadOnlyList<PartnerView>>> ListPartnersAsync(IPartnerAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.ListPartnersAsync(cancellationToken));

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> GetPartnerAsync(
        string partnerId, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        await administration.GetPartnerAsync(partnerId, cancellationToken) is { } partner ? TypedResults.Ok(partner) : NotFound("No partner with this id.");

    private static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> SetPartnerStatusAsync(
        string partnerId, StatusRequest request, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Respond(await administration.SetPartnerStatusAsync(partnerId, request.Status, cancellationToken));

    private static async Task<Results<Ok<ApiKeyView>, ValidationProblem, ProblemHttpResult>> RotateApiKeyAsync(
        string partnerId, IPartnerAdministration administration, CancellationToken cancellationToken) =>
        Respond(await administration.RotateApiKeyAsync(partnerId, cancellationToken));

    private static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(PartnerOutcome<T> outcome, Func<T, string> location) =>
        outcome.Kind switch
        {
            PartnerOutcomeKind.Done => TypedResults.Created(location(outcome.Value!), outcome.Value),
            PartnerOutcomeKind.Invalid => Invalid(outcome),
            _ => Problem(outcome),
        };

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Respond<T>(PartnerOutcome<T> outcome) =>
        outcome.Kind switch
        {
            PartnerOutcomeKind.Done => TypedResults.Ok(outcome.Value),
            PartnerOutcomeKind.Invalid => Invalid(outcome),
            _ => Problem(outcome),
        };

    private static ValidationProblem Invalid<T>(PartnerOutcome<T> outcome) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Problems!));

    private static ProblemHttpResult Problem<T>(PartnerOutcome<T> outcome) =>
        outcome.Kind == PartnerOutcomeKind.Conflict
            ? TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict")
            : NotFound(outcome.Detail ?? "Not found.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
