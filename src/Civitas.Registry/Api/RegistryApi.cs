using Civitas.Common.Security;
using Civitas.Registry.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Registry.Api;

/// <summary>Administration of identity records, <c>/v1/registry/identities</c> (scope <c>civitas.registry</c>).</summary>
internal static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/registry/identities")
            .RequireCivitasScope(CivitasScopes.Registry)
            .WithTags("Identity registry");
        group.MapPost("/", CreateAsync).WithSummary("Create an identity; the UIN is taken from the pool unless given");
        group.MapGet("/{individualId}", GetAsync).WithSummary("Read an identity by UIN or VID (idType=UIN|VID)");
        group.MapPut("/{uin}", UpdateAsync).WithSummary("Replace an identity's data");
        group.MapPut("/{uin}/status", SetStatusAsync).WithSummary("Set ACTIVE, BLOCKED or DEACTIVATED");
        group.MapPost("/{uin}/vids", IssueVidAsync).WithSummary("Issue a VID to an active identity");
        group.MapPut("/{uin}/locks/{authType}", SetLockAsync).WithSummary("Lock or unlock one authentication type");
        return group;
    }

    private static async Task<Results<Created<IdentityView>, ValidationProblem, Conflict<ProblemView>, NotFound>> CreateAsync(
        CreateIdentityRequest request, IdentityRegistry registry, CancellationToken cancellationToken)
    {
        var outcome = await registry.CreateAsync(request.Uin, request.Identity, request.StaticPin, cancellationToken);
        return outcome.Kind switch
        {
            RegistryOutcomeKind.Done => TypedResults.Created($"/v1/registry/identities/{outcome.Value!.Uin}", IdentityView.From(outcome.Value)),
            RegistryOutcomeKind.Invalid => Invalid(outcome),
            RegistryOutcomeKind.Conflict => Conflicting(outcome),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<IdentityView>, ValidationProblem, NotFound>> GetAsync(
        string individualId, string? idType, IdentityRegistry registry, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<IndividualIdType>(idType ?? "UIN", ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idType"] = ["Use UIN or VID."] });
        }

        var record = await registry.FindAsync(type, individualId, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(IdentityView.From(record));
    }

    private static async Task<Results<Ok<IdentityView>, ValidationProblem, Conflict<ProblemView>, NotFound>> UpdateAsync(
        string uin, UpdateIdentityRequest request, IdentityRegistry registry, CancellationToken cancellationToken) =>
        Respond(await registry.UpdateAsync(uin, request.Identity, cancellationToken));

    private static async Task<Results<Ok<IdentityView>, ValidationProblem, Conflict<ProblemView>, NotFound>> SetStatusAsync(
        string uin, IdentityStatusRequest request, IdentityRegistry registry, CancellationToken cancellationToken) =>
        Respond(await registry.SetStatusAsync(uin, request.Status, cancellationToken));

    private static async Task<Results<Ok<IdentityView>, ValidationProblem, Conflict<ProblemView>, NotFound>> SetLockAsync(
        string uin, string authType, AuthLockRequest request, IdentityRegistry registry, CancellationToken cancellationToken) =>
        Respond(await registry.SetAuthLockAsync(uin, authType, request.Locked, cancellationToken));

    private static async Task<Results<Created<IssuedVidView>, ValidationProblem, Conflict<ProblemView>, NotFound>> IssueVidAsync(
        string uin, IssueVidRequest? request, IdentityRegistry registry, CancellationToken cancellationToken)
    {
        var outcome = await registry.IssueVidAsync(uin, request?.VidType, cancellationToken);
        return outcome.Kind switch
        {
            RegistryOutcomeKind.Done => TypedResults.Created(
                $"/v1/registry/identities/{outcome.Value!.Vid}?idType=VID", new IssuedVidView(outcome.Value.Vid, outcome.Value.VidType, outcome.Value.ExpiresAt)),
            RegistryOutcomeKind.Invalid => Invalid(outcome),
            RegistryOutcomeKind.Conflict => Conflicting(outcome),
            _ => TypedResults.NotFound(),
        };
    }

    private static Results<Ok<IdentityView>, ValidationProblem, Conflict<ProblemView>, NotFound> Respond(RegistryOutcome<IdentityRecord> outcome) =>
        outcome.Kind switch
        {
            RegistryOutcomeKind.Done => TypedResults.Ok(IdentityView.From(outcome.Value!)),
            RegistryOutcomeKind.Invalid => Invalid(outcome),
            RegistryOutcomeKind.Conflict => Conflicting(outcome),
            _ => TypedResults.NotFound(),
        };

    private static ValidationProblem Invalid<T>(RegistryOutcome<T> outcome) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(outcome.Problems!));

    private static Conflict<ProblemView> Conflicting<T>(RegistryOutcome<T> outcome) =>
        TypedResults.Conflict(new ProblemView("Conflict", outcome.Detail ?? ""));
}

/// <summary>A minimal RFC 9457 body.</summary>
public sealed record ProblemView(string Title, string Detail);
