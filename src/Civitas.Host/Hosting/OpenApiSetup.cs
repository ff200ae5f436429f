using Civitas.Common.Envelope;
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
}
