using Civitas.Partners.Api;

namespace Civitas.Partners.Admin;

/// <summary>A policy request checked field by field and put in canonical spelling (duplicates dropped).</summary>
internal static class PolicyValidation
{
    public const int MaxNameLength = 128;

    public sealed record ValidPolicy(string Name, string[] AllowedAuthTypes, string[] MandatoryAuthTypes, string[] AllowedKycAttributes, string AuthTokenType);

    public static ValidPolicy? Check(CreatePolicyRequest? request, Dictionary<string, string[]> problems)
    {
        if (request is null)
        {
            problems["body"] = ["Required: a JSON policy."];
            return null;
        }

        var name = CheckName(request.Name, "name", problems);
        var allowed = CheckList(request.AllowedAuthTypes, PolicyRules.AuthTypes, "allowedAuthTypes", required: true, problems);
        var mandatory = CheckList(request.MandatoryAuthTypes, PolicyRules.AuthTypes, "mandatoryAuthTypes", required: false, problems);
        var attributes = CheckList(request.AllowedKycAttributes, PolicyRules.KycAttributes, "allowedKycAttributes", required: false, problems);
        if (allowed is not null && mandatory is not null && mandatory.Except(allowed, StringComparer.Ordinal).ToArray() is { Length: > 0 } notAllowed)
        {
            problems["mandatoryAuthTypes"] = [$"Mandatory auth types must also be allowed: {string.Join(", ", notAllowed)}."];
        }

        var tokenType = request.AuthTokenType is null ? "PARTNER" : PolicyRules.Canonical(PolicyRules.TokenTypes, request.AuthTokenType);
        if (tokenType is null)
        {
            problems["authTokenType"] = ["Use PARTNER, POLICY or RANDOM."];
        }

        return problems.Count == 0 ? new ValidPolicy(name!, allowed!, mandatory!, attributes!, tokenType!) : null;
    }

    public static string? CheckName(string? value, string field, Dictionary<string, string[]> problems)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            problems[field] = [$"Required: 1 to {MaxNameLength} printable characters."];
            return null;
        }

        return name;
    }

    private static string[]? CheckList(IReadOnlyList<string?>? values, IReadOnlyList<string> known, string field, bool required, Dictionary<string, string[]> problems)
    {
        if (values is null || values.Count == 0)
        {
            if (required)
            {
                problems[field] = [$"Required: one or more of {string.Join(", ", known)}."];
                return null;
            }

            return [];
        }

        var result = new List<string>();
        for (var index = 0; index < values.Count; index++)
        {
            var canonical = PolicyRules.Canonical(known, values[index]);
            if (canonical is null)
            {
                problems[$"{field}[{index}]"] = [$"Unknown; use {string.Join(", ", known)}."];
            }
            else if (!result.Contains(canonical))
            {
                result.Add(canonical);
            }
        }

        return result.ToArray();
    }
}
