using Civitas.Common.Envelope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Civitas.Host.Hosting;

internal static class OpenApiSetup
{
    public const string DocumentRoute = "/openapi/{documentName}.json";

    /// <summary>One OpenAPI document for all modules, with the bearer scheme that protected routes use.</summary>
    public static IServiceCollection AddCivitasOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddOperationTransformer(DescribeMosipRequestBodyAsync)
            .AddOperationTransformer(DescribeRequiredScopes)
            .AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Civitas",
                Version = "v1",
                Description = "Open digital-identity platform. MOSIP-style routes answer business errors with HTTP 200 and `errors[]`; "
                    + "get a bearer token with the client-credentials grant at `POST /connect/token`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2.0 client credentials",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative) },
                },
            };
            return Task.CompletedTask;
        }));

    /// <summary>Shows the MOSIP request envelope of routes that bind <c>MosipBody&lt;T&gt;</c> as their JSON body.</summary>
    private static async Task DescribeMosipRequestBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<MosipRequestBodyMetadata>().FirstOrDefault();
        if (body is null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.EnvelopeType, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    /// <summary>Marks every protected operation with the bearer scheme and the scope its policy demands.</summary>
    private static Task DescribeRequiredScopes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var scopes = metadata.OfType<IAuthorizeData>()
            .Select(data => data.Policy)
            .Where(policy => policy is not null && policy.StartsWith("scope:", StringComparison.Ordinal))
            .Select(policy => policy!["scope:".Length..])
            .ToList();
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = scopes });
        return Task.CompletedTask;
    }
}
