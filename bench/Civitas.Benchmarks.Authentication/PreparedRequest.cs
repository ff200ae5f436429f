using System.Text.Json.Nodes;
using Civitas.Authentication.Client;

namespace Civitas.Benchmarks.Authentication;

/// <summary>
/// A request sealed and signed before the measured window, so the relying party's own cost (an RSA signature per
/// request) does not share the two cores with the server under test. Request times are set a little ahead of the
/// window; the run must stay inside the server's request-time window (30 s + 30 s by default).
/// </summary>
internal sealed record PreparedRequest(string Route, byte[] Body, string Signature)
{
    public static IReadOnlyList<PreparedRequest> Prepare(int count, Func<int, IdaAuthRequest> describe, IdaPartnerProfile profile, DateTimeOffset requestTime)
    {
        var prepared = new PreparedRequest[count];
        Parallel.For(0, count, index =>
        {
            var request = describe(index);
            var body = IdaRequestBuilder.AuthBody(request, request.TransactionId!, requestTime, profile.IdaCertificate, profile.BaseUrl.TrimEnd('/'));
            prepared[index] = new PreparedRequest("auth", body, IdaRequestCrypto.SignDetached(body, profile.PartnerCertificate));
        });
        return prepared;
    }

    /// <summary>Demographic authentication by the resident's English name (the matcher's default: exact).</summary>
    public static IdaAuthRequest Demographic(Resident resident, string transactionId) => new()
    {
        IndividualId = resident.Uin,
        TransactionId = transactionId,
        Demographics = new JsonObject
        {
            ["name"] = new JsonArray(new JsonObject { ["language"] = "eng", ["value"] = resident.Name }),
        },
    };

    public static IdaAuthRequest Otp(Resident resident, string transactionId, string otp) => new()
    {
        IndividualId = resident.Uin,
        TransactionId = transactionId,
        Otp = otp,
    };
}
