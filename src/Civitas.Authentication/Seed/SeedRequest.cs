using System.Text.Json;
using Civitas.Authentication.Errors;
using Civitas.Authentication.Factors;
using Civitas.Authentication.Requests;
using Civitas.Keys.Encryption;

namespace Civitas.Authentication.Seed;

/// <summary>
/// A request in the seed's v1.0 shape: <c>tspID</c>, <c>licenseKey</c>, <c>transactionID</c>, <c>requestTime</c>,
/// <c>requestedAuth {demo, bio, otp, pin}</c> and <c>request {identity {UIN|VID, name[], ..., biometricData[]},
/// otherFactors {totp, spin}}</c> (for OTP: <c>request {identity, channel {email, mobile}}</c>).
/// The seed says <c>request</c> "will be encrypted and encoded" without saying how, so v1.0 takes it as clear JSON;
/// the body is still signed by the partner (<c>signature</c> header) and travels over TLS.
/// </summary>
internal sealed record SeedRequest(string Id, string TspId, string LicenseKey, IdaRequest Envelope, AuthFactors? Factors)
{
    public static SeedRequest? Parse(ReadOnlySpan<byte> body, bool otp, out string? transactionId, out IdaError? error)
    {
        transactionId = null;
        error = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            error = IdaErrors.InvalidInput.With("body (malformed JSON)");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = IdaErrors.InvalidInput.With("body");
                return null;
            }
            if (root.TryGetProperty("transactionID", out var txn) && JsonFields.TryGetString(txn, out var id) && id.Length <= 64)
            {
                transactionId = id;
            }
            var apiId = JsonFields.RequiredString(root, "id", "id", ref error);
            var tspId = JsonFields.RequiredString(root, "tspID", "tspID", ref error);
            var licenseKey = JsonFields.RequiredString(root, "licenseKey", "licenseKey", ref error);
            var transaction = JsonFields.RequiredString(root, "transactionID", "transactionID", ref error);
            var requestTime = JsonFields.RequiredString(root, "requestTime", "requestTime", ref error);
            var request = JsonFields.OptionalObject(root, "request", "request", ref error);
            if (error is null && request is null)
            {
                error = IdaErrors.MissingInput.With("request");
            }
            var identity = error is null ? JsonFields.OptionalObject(request!.Value, "identity", "request.identity", ref error) : null;
            if (error is null && identity is null)
            {
                error = IdaErrors.MissingInput.With("request.identity");
            }
            if (error is not null)
            {
                return null;
            }
            if (transaction!.Length > 64)
            {
                error = IdaErrors.InvalidInput.With("transactionID");
                return null;
            }
            var uin = JsonFields.OptionalScalar(identity!.Value, "UIN", "request.identity.UIN", ref error);
            var vid = JsonFields.OptionalScalar(identity.Value, "VID", "request.identity.VID", ref error);
            if (error is not null)
            {
                return null;
            }
            var (individualId, type) = !string.IsNullOrWhiteSpace(uin) ? (uin.Replace(" ", "", StringComparison.Ordinal), "UIN")
                : !string.IsNullOrWhiteSpace(vid) ? (vid.Replace(" ", "", StringComparison.Ordinal), "VID") : (null, "");
            if (individualId is null || individualId.Length > 64)
            {
                error = individualId is null ? IdaErrors.MissingInput.With("request.identity.UIN") : IdaErrors.InvalidInput.With("request.identity.UIN");
                return null;
            }
            if (otp)
            {
                var channels = Channels(request!.Value, ref error);
                return error is null
                    ? new SeedRequest(apiId!, tspId!, licenseKey!, new IdaRequest(apiId!, individualId, type, transaction, requestTime!, null, null, null, null, null, channels), null)
                    : null;
            }
            var factors = ReadFactors(root, request!.Value, identity.Value, ref error);
            return error is null
                ? new SeedRequest(apiId!, tspId!, licenseKey!, new IdaRequest(apiId!, individualId, type, transaction, requestTime!, null, null, null, null, null, null), factors)
                : null;
        }
    }

    private static List<string> Channels(JsonElement request, ref IdaError? error)
    {
        var channel = JsonFields.OptionalObject(request, "channel", "request.channel", ref error);
        var list = new List<string>(2);
        if (channel is { } element)
        {
            if (JsonFields.OptionalBoolean(element, "mobile", "request.channel.mobile", ref error) == true)
            {
                list.Add("PHONE");
            }
            if (JsonFields.OptionalBoolean(element, "email", "request.channel.email", ref error) == true)
            {
                list.Add("EMAIL");
            }
        }
        return list;
    }

    private static AuthFactors? ReadFactors(JsonElement root, JsonElement request, JsonElement identity, ref IdaError? error)
    {
        var requested = JsonFields.OptionalObject(root, "requestedAuth", "requestedAuth", ref error);
        if (error is not null)
        {
            return null;
        }
        if (requested is not { } flags)
        {
            error = IdaErrors.MissingInput.With("requestedAuth");
            return null;
        }
        var demo = JsonFields.OptionalBoolean(flags, "demo", "requestedAuth.demo", ref error) == true;
        var bio = JsonFields.OptionalBoolean(flags, "bio", "requestedAuth.bio", ref error) == true;
        var otp = JsonFields.OptionalBoolean(flags, "otp", "requestedAuth.otp", ref error) == true;
        var pin = JsonFields.OptionalBoolean(flags, "pin", "requestedAuth.pin", ref error) == true;
        var other = JsonFields.OptionalObject(request, "otherFactors", "request.otherFactors", ref error);
        if (error is not null)
        {
            return null;
        }
        string? totp = null, spin = null;
        if (other is { } factors)
        {
            totp = JsonFields.OptionalScalar(factors, "totp", "request.otherFactors.totp", ref error);
            spin = JsonFields.OptionalScalar(factors, "spin", "request.otherFactors.spin", ref error);
        }
        if ((otp && string.IsNullOrEmpty(totp)) || (pin && string.IsNullOrEmpty(spin)))
        {
            error ??= IdaErrors.MissingAuthAttribute.With(otp && string.IsNullOrEmpty(totp) ? "otp" : "pin");
        }
        DemographicInput? demographics = null;
        if (demo && error is null)
        {
            demographics = DemographicInput.Parse(identity, ref error, "request.identity");
        }
        var biometrics = new List<BiometricInput>();
        if (bio && error is null)
        {
            biometrics = Biometrics(identity, ref error);
        }
        if (error is not null)
        {
            return null;
        }
        return new AuthFactors { Otp = otp ? totp : null, StaticPin = pin ? spin : null, Demographics = demographics, Biometrics = biometrics };
    }

    private static List<BiometricInput> Biometrics(JsonElement identity, ref IdaError? error)
    {
        var list = new List<BiometricInput>();
        if (!identity.TryGetProperty("biometricData", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            error = IdaErrors.MissingAuthAttribute.With("bio");
            return list;
        }
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"request.identity.biometricData[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                error = IdaErrors.InvalidInput.With(path);
                return list;
            }
            var type = JsonFields.RequiredString(item, "type", path + ".type", ref error);
            var subType = JsonFields.OptionalString(item, "subType", path + ".subType", ref error);
            var value = JsonFields.RequiredString(item, "value", path + ".value", ref error);
            if (error is not null)
            {
                return list;
            }
            var modality = BiometricInput.ModalityOf(type!);
            if (modality is null)
            {
                error = IdaErrors.InvalidInput.With(path + ".type");
                return list;
            }
            list.Add(new BiometricInput(modality, string.IsNullOrWhiteSpace(subType) ? "UNKNOWN" : subType.Trim(), Base64Input.TryDecode(value, out var bytes) ? bytes : null));
        }
        return list;
    }
}
