using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Civitas.Kernel.Ids;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Kernel.Tests;

/// <summary>RID, VID and static token routes, with their errors and the validators other modules use.</summary>
public sealed class RidVidTokenTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Rid_is_centre_machine_sequence_and_utc_timestamp_in_29_digits()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var rid = (await Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/10002/10032")).Ok().Str("rid");
        var next = (await Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/10002/10032")).Ok().Str("rid");
        var otherMachine = (await Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/10002/10033")).Ok().Str("rid");

        Assert.Matches("^[0-9]{29}$", rid);
        Assert.StartsWith("1000210032", rid, StringComparison.Ordinal);
        Assert.Equal("00001", rid[10..15]);
        Assert.Equal("00002", next[10..15]);
        Assert.Equal("00001", otherMachine[10..15]);
        var stamp = DateTime.ParseExact(rid[15..], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.InRange(stamp, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.True(fixture.Host.Services.GetRequiredService<IIdValidator>().IsValidRid(rid));
    }

    [Fact]
    public async Task Parallel_rids_for_one_machine_get_distinct_sequences()
    {
        var rids = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            (await Client.GetEnvelopeAsync("/v1/ridgenerator/generate/rid/20002/20032")).Ok().Str("rid")));

        Assert.Equal(200, rids.Select(r => r[10..15]).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(i => i.ToString("D5", CultureInfo.InvariantCulture)), rids.Select(r => r[10..15]).Order());
    }

    [Theory]
    [InlineData("%20", "10032", "KER-RIG-002", "Empty input entered")]
    [InlineData("10002", "%20%20", "KER-RIG-002", "Empty input entered")]
    [InlineData("1000", "10032", "KER-RIG-003", "Input length is not valid")]
    [InlineData("10002", "100321", "KER-RIG-003", "Input length is not valid")]
    [InlineData("1000a", "10032", "KER-RIG-003", "Input length is not valid")]
    public async Task Bad_centre_or_machine_ids_are_refused(string center, string machine, string code, string message)
    {
        var body = await Client.GetEnvelopeAsync($"/v1/ridgenerator/generate/rid/{center}/{machine}");
        body.AssertError(code, message);
    }

    [Theory]
    [InlineData("10002100320000120261124100000", true)]
    [InlineData("10002100320000120261324100000", false)] // month 13
    [InlineData("1000210032000012026112410000", false)]
    [InlineData("1000210032000012026112410000a", false)]
    public void Rid_validator_checks_length_digits_and_timestamp(string rid, bool valid) =>
        Assert.Equal(valid, fixture.Host.Services.GetRequiredService<IIdValidator>().IsValidRid(rid));

    [Fact]
    public async Task Vids_are_sixteen_valid_digits_with_their_types_expiry()
    {
        var perpetual = (await Client.GetEnvelopeAsync("/v1/idgenerator/vid")).Ok();
        Assert.Matches("^[0-9]{16}$", perpetual.Str("vid"));
        Assert.Equal("PERPETUAL", perpetual.Str("vidType"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, perpetual.GetProperty("expiryTimestamp").ValueKind);

        var temporary = (await Client.GetEnvelopeAsync("/v1/idgenerator/vid?vidType=temporary")).Ok();
        Assert.Equal("TEMPORARY", temporary.Str("vidType"));
        var expiry = DateTimeOffset.Parse(temporary.Str("expiryTimestamp"), CultureInfo.InvariantCulture);
        Assert.InRange(expiry, DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(31));

        var validator = fixture.Host.Services.GetRequiredService<IIdValidator>();
        Assert.True(validator.IsValidVid(perpetual.Str("vid")));
        Assert.True(IndependentIdCheck.VerhoeffValid(temporary.Str("vid")));
        Assert.False(validator.IsValidUin(perpetual.Str("vid")));
    }

    [Fact]
    public async Task Parallel_vids_are_distinct()
    {
        var vids = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ => (await Client.GetEnvelopeAsync("/v1/idgenerator/vid")).Ok().Str("vid")));
        Assert.Equal(100, vids.Distinct().Count());
    }

    [Fact]
    public async Task Unknown_vid_type_is_refused()
    {
        var body = await Client.GetEnvelopeAsync("/v1/idgenerator/vid?vidType=FOREVER");
        body.AssertError("KER-VID-999", "Invalid request input");
    }

    [Fact]
    public async Task Static_token_follows_the_formula_is_stable_and_differs_per_partner()
    {
        var token = (await Client.GetEnvelopeAsync("/v1/tokenidgenerator/2345346532564566/9373")).Ok().Str("tokenID");
        var current = (await Client.GetEnvelopeAsync("/v1/keymanager/tokenid/2345346532564566/9373")).Ok().Str("tokenID");
        var otherPartner = (await Client.GetEnvelopeAsync("/v1/keymanager/tokenid/2345346532564566/9374")).Ok().Str("tokenID");

        Assert.Equal(Expected("2345346532564566", "9373"), token);
        Assert.Equal(token, current);
        Assert.Matches("^[0-9]{36}$", token);
        Assert.NotEqual(token, otherPartner);
    }

    [Theory]
    [InlineData("%20", "9373")]
    [InlineData("2345346532564566", "%20")]
    public async Task Empty_uin_or_partner_is_KER_TIG_010(string uin, string partner)
    {
        var body = await Client.GetEnvelopeAsync($"/v1/tokenidgenerator/{uin}/{partner}");
        body.AssertError("KER-TIG-010", "UIN and partner code cannot be empty");
        var current = await Client.GetEnvelopeAsync($"/v1/keymanager/tokenid/{uin}/{partner}");
        current.AssertError("KER-TIG-010", "UIN and partner code cannot be empty");
    }

    // REFERENCE.md §4, computed here step by step with the fixture's configured salts.
    private static string Expected(string uin, string partner)
    {
        static string Hex(string s) => Convert.ToHexString(SHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(s))));
        var uinHash = Hex(uin + KernelHostFixture.UinSalt);
        var h = Hex(KernelHostFixture.PartnerSalt + partner + uinHash);
        var value = BigInteger.Zero;
        foreach (var b in Encoding.ASCII.GetBytes(h))
        {
            value = (value * 256) + b;
        }

        return value.ToString(CultureInfo.InvariantCulture)[..36];
    }
}
