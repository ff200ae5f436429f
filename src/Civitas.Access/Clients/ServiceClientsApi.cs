using System.Text.RegularExpressions;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Access.Clients;

/// <summary>Admin routes for service clients, <c>/v1/admin/clients</c> (scope <c>civitas.admin</c>).</summary>
internal static partial class ServiceClientsApi
{
    public static RouteGroupBuilder MapServiceClientsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/admin/clients")
            .RequireCivitasScope(CivitasScopes.Admin)
            .WithTags("Service clients");
        group.MapGet("/", ListAsync).WithSummary("List service clients and their scopes");
        group.MapPost("/", CreateAsync).WithSummary("Create a service client; its secret is shown once");
        group.MapDelete("/{clientId}", DeleteAsync).WithSummary("Delete a service client");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ServiceClient>>> ListAsync(ServiceClientRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(cancellationToken));

    private static async Task<Results<Created<ServiceClientCredentials>, ValidationProblem, Conflict<ProblemDetailsBody>>> CreateAsync(
        CreateServiceClientRequest request, ServiceClientRegistry registry, CancellationToken cancellationToken)
    {
        var clientId = string.IsNullOrWhiteSpace(request.ClientId) ? "client-" + Guid.NewGuid().ToString("N")[..12] : request.ClientId.Trim();
        var scopes = request.Scopes ?? [];
        var problems = new Dictionary<string, string[]>();
        if (!ClientIdPattern().IsMatch(clientId))
        {
            problems["client_id"] = ["Use 3 to 64 letters, digits, '.', '_' or '-'."];
        }

        if (scopes.Count == 0)
        {
            problems["scopes"] = [$"Name at least one scope: {string.Join(", ", CivitasScopes.All)}."];
        }
        else if (ServiceClientRegistry.UnknownScopes(scopes) is { Count: > 0 } unknown)
        {
            problems["scopes"] = [$"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", CivitasScopes.All)}."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        if (await registry.ExistsAsync(clientId, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetailsBody("Client exists", $"A client with id '{clientId}' already exists."));
        }

        var credentials = await registry.CreateAsync(clientId, request.DisplayName, [.. scopes.Distinct(StringComparer.Ordinal)], cancellationToken);
        return TypedResults.Created($"/v1/admin/clients/{clientId}", credentials);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string clientId, ServiceClientRegistry registry, CancellationToken cancellationToken) =>
        await registry.DeleteAsync(clientId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex ClientIdPattern();
}

/// <summary>A minimal RFC 9457 body for conflicts.</summary>
internal sealed record ProblemDetailsBody(string Title, string Detail);
