using System.Security.Cryptography;
using Civitas.Common.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Civitas.Access.Clients;

/// <summary>Creates, lists and deletes confidential service clients (OpenIddict applications).</summary>
public sealed class ServiceClientRegistry(IOpenIddictApplicationManager applications)
{
    public async Task<ServiceClientCredentials> CreateAsync(string clientId, string? displayName, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret, // OpenIddict stores a PBKDF2 hash, never the secret itself.
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName ?? clientId,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return new ServiceClientCredentials(clientId, secret, scopes);
    }

    public async Task<bool> ExistsAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is not null;

    public async Task<IReadOnlyList<ServiceClient>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = new List<ServiceClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            clients.Add(new ServiceClient(
                await applications.GetClientIdAsync(application, cancellationToken) ?? "",
                await applications.GetDisplayNameAsync(application, cancellationToken),
                ScopesOf(permissions)));
        }

        return clients;
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }

        await applications.DeleteAsync(application, cancellationToken);
        return true;
    }

    /// <summary>Scopes that are not Civitas scopes; empty when all are known.</summary>
    public static IReadOnlyList<string> UnknownScopes(IEnumerable<string> scopes) =>
        [.. scopes.Where(scope => !CivitasScopes.All.Contains(scope, StringComparer.Ordinal))];

    private static List<string> ScopesOf(IEnumerable<string> permissions) =>
        [.. permissions
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..])];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
