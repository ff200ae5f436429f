using System.Text.Json;

namespace Civitas.Authentication.Client.Tests;

/// <summary>
/// The independent client (node/ida-client.mjs, Node's crypto only, written from REFERENCE section 7) against the
/// real server: the server must accept what the reference describes and answer in it, not merely agree with our SDK.
/// </summary>
public sealed class NodeClientTests(IdaServerFixture server) : IClassFixture<IdaServerFixture>
{
    [NodeFact]
    public async Task Node_client_authenticates_verifies_the_signature_and_decrypts_the_policy_allowed_kyc_attributes()
    {
        var result = await NodeClient.RunAsync(server, IdaServerFixture.ResidentName, "fullName,email,dateOfBirth,phone,city");

        var auth = result.GetProperty("auth");
        Assert.True(auth.GetProperty("authStatus").GetBoolean(), auth.ToString());
        Assert.True(auth.GetProperty("signatureValid").GetBoolean());
        Assert.Empty(auth.GetProperty("errors").EnumerateArray());
        var kyc = result.GetProperty("kyc");
        Assert.True(kyc.GetProperty("kycStatus").GetBoolean(), kyc.ToString());
        Assert.True(kyc.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, kyc.GetProperty("identityError").ValueKind);
        var identity = kyc.GetProperty("identity");
        Assert.Equal(IdaServerFixture.PolicyKycAttributes.Order(), identity.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(IdaServerFixture.ResidentEmail, identity.GetProperty("email").GetString());
        Assert.Contains(IdaServerFixture.ResidentName, identity.GetProperty("fullName").ToString(), StringComparison.Ordinal);
        Assert.Equal(auth.GetProperty("authToken").GetString(), kyc.GetProperty("authToken").GetString());
    }

    [NodeFact]
    public async Task Node_client_with_a_wrong_name_gets_IDA_DEA_001_in_a_signed_answer()
    {
        var result = await NodeClient.RunAsync(server, "Somebody Else", "fullName");

        var auth = result.GetProperty("auth");
        Assert.False(auth.GetProperty("authStatus").ValueKind == JsonValueKind.True);
        Assert.Contains(auth.GetProperty("errors").EnumerateArray(), e => e.GetProperty("errorCode").GetString() == "IDA-DEA-001");
        Assert.True(auth.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("kyc").GetProperty("identity").ValueKind);
    }
}
