using Civitas.Authentication.Api;
using Civitas.Authentication.Errors;
using Civitas.Authentication.Persistence;
using Civitas.Common.Envelope;
using Civitas.Registry;
using Civitas.Registry.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// <c>GET /internal/authTransactions/individualId/{id}?pageStart=0&amp;pageFetch=10</c>: the attempts for the
/// individual behind a UIN or VID, newest first, as MOSIP lists them. Only what happened: no factor values, no token.
/// </summary>
internal static class TransactionRoutes
{
    private const string ResponseId = "mosip.identity.authtransactions.read";

    public static async Task<IResult> ListAsync(
        string individualId,
        [FromQuery] string? pageStart,
        [FromQuery] string? pageFetch,
        IIdentityRegistry registry,
        KeyedHashes hashes,
        AuthTransactionStore store,
        IOptions<AuthenticationOptions> options,
        CancellationToken cancellationToken)
    {
        if (!TryPage(pageStart, 0, int.MaxValue / 1000, out var start))
        {
            return IdaResponse.Fail(ResponseId, null, IdaErrors.InvalidInput.With("pageStart"));
        }
        if (!TryPage(pageFetch, 1, options.Value.MaxTransactionsPageSize, out var fetch, options.Value.MaxTransactionsPageSize))
        {
            return IdaResponse.Fail(ResponseId, null, IdaErrors.InvalidInput.With("pageFetch"));
        }
        var id = individualId.Trim();
        if (id.Length is 0 or > 64)
        {
            return IdaResponse.Fail(ResponseId, null, IdaErrors.InvalidInput.With("individualId"));
        }
        var identity = await registry.FindAsync(IndividualIdType.Uin, id, cancellationToken)
            ?? await registry.FindAsync(IndividualIdType.Vid, id, cancellationToken);
        var hash = await hashes.IndividualAsync(identity?.Uin ?? id, cancellationToken);
        var rows = await store.ListAsync(hash, start, fetch, cancellationToken);
        return new IdaResponse(ResponseId, null, null, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("authTransactions");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("transactionID", row.TransactionId);
                writer.WriteString("requestdatetime", MosipTime.Format(new DateTimeOffset(DateTime.SpecifyKind(row.RequestTimeUtc, DateTimeKind.Utc))));
                writer.WriteString("authtypeCode", row.AuthTypes);
                writer.WriteString("requestType", row.RequestType);
                writer.WriteString("statusCode", row.Succeeded ? "Y" : "N");
                writer.WriteString("statusComment", row.Succeeded ? "Authentication Success" : row.ErrorCode);
                writer.WriteString("referenceIdType", row.IndividualIdType);
                writer.WriteString("entityName", row.PartnerId);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static bool TryPage(string? text, int min, int max, out int value, int fallback = 0)
    {
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
