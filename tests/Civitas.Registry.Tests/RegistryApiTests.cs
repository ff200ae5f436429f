using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Kernel.Ids;
using Civitas.Registry.Persistence;
using Civitas.Registry.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Registry.Tests;

/// <summary>Identity records through the admin routes, as an operator uses them, and as other modules read them.</summary>
public sealed class RegistryApiTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private const string Route = "/v1/registry/identities";

    [Fact]
    public async Task Created_identity_gets_a_valid_pool_uin_and_reads_back_without_biometric_templates()
    {
        var created = await CreateAsync(Residents.Amina());
        var uin = created.GetProperty("uin").GetString()!;

        Assert.True(fixture.Host.Services.GetRequiredService<IIdValidator>().IsValidUin(uin));
        using var read = await fixture.Registry.GetAsync($"{Route}/{uin}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ACTIVE", body.GetProperty("status").GetString());
        Assert.Equal("Amina Diallo", body.GetProperty("identity").GetProperty("fullName")[0].GetProperty("value").GetString());
        Assert.Equal("1990/04/17", body.GetProperty("identity").GetProperty("dateOfBirth").GetString());
        Assert.True(body.GetProperty("hasStaticPin").GetBoolean());
        Assert.Equal(2, body.GetProperty("biometrics").GetProperty("Finger").GetInt32());
        Assert.Empty(body.GetProperty("identity").GetProperty("biometrics").EnumerateObject());
        Assert.DoesNotContain("482915", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_identifying_is_stored_in_clear()
    {
        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var rows = await db.Identities.AsNoTracking().ToListAsync();
        foreach (var row in rows)
        {
            var stored = row.Document.Concat(row.UinHash).Concat(Encoding.UTF8.GetBytes(row.PinHash ?? "")).ToArray();
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(uin)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Diallo")));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("482915")));
        }

        // The registry's own keys are in the table only as key-manager ciphertexts (MOSIP hybrid format).
        var wrapped = await db.DataKeys.AsNoTracking().ToListAsync();
        Assert.Equal(2, wrapped.Count);
        Assert.All(wrapped, key => Assert.NotEqual(-1, key.Wrapped.AsSpan().IndexOf("#KEY_SPLITTER#"u8)));
    }

    [Fact]
    public async Task A_document_moved_to_another_row_does_not_open()
    {
        var first = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;
        var second = (await CreateAsync(Residents.Amina(staticPin: null))).GetProperty("uin").GetString()!;
        var registry = fixture.Host.Services.GetRequiredService<IIdentityRegistry>();
        var firstId = (await registry.FindAsync(IndividualIdType.Uin, first))!.Id;
        var secondId = (await registry.FindAsync(IndividualIdType.Uin, second))!.Id;

        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var source = await db.Identities.SingleAsync(r => r.Id == firstId);
            var target = await db.Identities.SingleAsync(r => r.Id == secondId);
            target.Document = source.Document;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => registry.FindAsync(IndividualIdType.Uin, second));
    }

    [Fact]
    public async Task Static_pin_is_checked_by_the_library_interface()
    {
        var uin = (await CreateAsync(Residents.Amina("482915"))).GetProperty("uin").GetString()!;
        var registry = fixture.Host.Services.GetRequiredService<IIdentityRegistry>();
        var record = (await registry.FindAsync(IndividualIdType.Uin, uin))!;

        Assert.True(await registry.VerifyStaticPinAsync(record.Id, "482915"));
        Assert.False(await registry.VerifyStaticPinAsync(record.Id, "482916"));
        Assert.False(await registry.VerifyStaticPinAsync(Guid.NewGuid(), "482915"));
    }

    [Theory]
    [InlineData("dateOfBirth", "\"2990/01/01\"", "identity.dateOfBirth")]
    [InlineData("dateOfBirth", "\"17-04-1990\"", "identity.dateOfBirth")]
    [InlineData("email", "\"not an address\"", "identity.email")]
    [InlineData("phone", "\"call me\"", "identity.phone")]
    [InlineData("fullName", "[]", "identity.fullName")]
    [InlineData("fullName", "[{\"language\":\"\",\"value\":\"x\"}]", "identity.fullName")]
    [InlineData("biometrics", "{\"Tongue\":[\"AAAA\"]}", "identity.biometrics.Tongue")]
    [InlineData("biometrics", "{\"Iris\":[\"***\"]}", "identity.biometrics.Iris")]
    [InlineData("photo", "\"%%%\"", "identity.photo")]
    public async Task Invalid_fields_are_named_and_nothing_is_written(string field, string json, string problemKey)
    {
        var before = await CountAsync();
        var identity = $"{{\"fullName\":[{{\"language\":\"eng\",\"value\":\"Test Person\"}}],\"{field}\":{json}}}";
        if (field == "fullName")
        {
            identity = $"{{\"fullName\":{json}}}";
        }

        using var response = await fixture.Registry.PostAsync(Route, new StringContent($"{{\"identity\":{identity}}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(problemKey, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bad_pin_invalid_uin_and_duplicate_uin_are_refused()
    {
        using var badPin = await fixture.Registry.PostAsJsonAsync(Route, Residents.Amina("12ab"));
        Assert.Equal(HttpStatusCode.BadRequest, badPin.StatusCode);

        using var badUin = await fixture.Registry.PostAsJsonAsync(Route, new { uin = "1234567890", identity = new { fullName = new[] { new { language = "eng", value = "X Y" } } } });
        Assert.Equal(HttpStatusCode.BadRequest, badUin.StatusCode);

        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;
        using var duplicate = await fixture.Registry.PostAsJsonAsync(Route, new { uin, identity = new { fullName = new[] { new { language = "eng", value = "X Y" } } } });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task A_vid_past_its_expiry_finds_nobody_and_one_before_it_finds_its_resident()
    {
        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;
        var before = await VidHashesAsync();
        using var issued = await fixture.Registry.PostAsJsonAsync($"{Route}/{uin}/vids", new { });
        var vid = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("vid").GetString()!;
        var vidHash = Assert.Single((await VidHashesAsync()).Except(before));

        // The expiry as EF Core stores it, compared by the lookup's own SQL with the time bound as a parameter.
        foreach (var (expiresAt, expected) in new[] { (DateTime.UtcNow.AddSeconds(-1), HttpStatusCode.NotFound), (DateTime.UtcNow.AddMinutes(5), HttpStatusCode.OK) })
        {
            await using (var scope = fixture.Host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                var row = await db.Vids.SingleAsync(v => v.VidHash == Convert.FromHexString(vidHash));
                row.ExpiresAtUtc = expiresAt;
                await db.SaveChangesAsync();
            }
            using var lookup = await fixture.Registry.GetAsync($"{Route}/{vid}?idType=VID");
            Assert.Equal(expected, lookup.StatusCode);
        }
    }

    private async Task<HashSet<string>> VidHashesAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var hashes = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Vids.Select(v => v.VidHash).ToListAsync();
        return [.. hashes.Select(Convert.ToHexString)];
    }

    [Fact]
    public async Task Vid_finds_the_same_resident_and_unknown_ids_are_404()
    {
        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;
        using var issued = await fixture.Registry.PostAsJsonAsync($"{Route}/{uin}/vids", new { });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var vid = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("vid").GetString()!;
        Assert.True(fixture.Host.Services.GetRequiredService<IIdValidator>().IsValidVid(vid));

        using var byVid = await fixture.Registry.GetAsync($"{Route}/{vid}?idType=VID");
        Assert.Equal(uin, (await byVid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uin").GetString());

        using var vidAsUin = await fixture.Registry.GetAsync($"{Route}/{vid}");
        Assert.Equal(HttpStatusCode.NotFound, vidAsUin.StatusCode);
        using var unknown = await fixture.Registry.GetAsync($"{Route}/0000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badType = await fixture.Registry.GetAsync($"{Route}/{uin}?idType=RID");
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
    }

    [Fact]
    public async Task Status_and_auth_type_locks_change_and_bad_values_are_refused()
    {
        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;

        using var blocked = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/status", new { status = "BLOCKED" });
        Assert.Equal("BLOCKED", (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var badStatus = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/status", new { status = "ASLEEP" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        using var blockedVid = await fixture.Registry.PostAsJsonAsync($"{Route}/{uin}/vids", new { });
        Assert.Equal(HttpStatusCode.Conflict, blockedVid.StatusCode);

        using var locked = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/locks/otp", new { locked = true });
        Assert.Equal("otp", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedAuthTypes")[0].GetString());
        using var lockedToo = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/locks/demo", new { locked = true });
        // The lookup reads an identity with two locks as two rows of one query: one identity, both locks.
        using var read = await fixture.Registry.GetAsync($"{Route}/{uin}");
        var readBack = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["demo", "otp"], readBack.GetProperty("lockedAuthTypes").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Equal(uin, readBack.GetProperty("uin").GetString());
        using var unlockedToo = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/locks/demo", new { locked = false });
        using var unlocked = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/locks/otp", new { locked = false });
        Assert.Empty((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedAuthTypes").EnumerateArray());
        using var badType = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}/locks/telepathy", new { locked = true });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        using var missing = await fixture.Registry.PutAsJsonAsync($"{Route}/0000000000/status", new { status = "ACTIVE" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Update_replaces_the_data()
    {
        var uin = (await CreateAsync(Residents.Amina())).GetProperty("uin").GetString()!;
        using var updated = await fixture.Registry.PutAsJsonAsync($"{Route}/{uin}", new { identity = new { fullName = new[] { new { language = "eng", value = "Amina Sow" } } } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var read = await fixture.Registry.GetAsync($"{Route}/{uin}");
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Amina Sow", body.GetProperty("identity").GetProperty("fullName")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Clients_without_the_registry_scope_are_refused()
    {
        using var kernel = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Kernel);
        using var forbidden = await kernel.PostAsJsonAsync(Route, Residents.Amina());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await fixture.Host.Client.GetAsync($"{Route}/0000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<JsonElement> CreateAsync(object request)
    {
        using var response = await fixture.Registry.PostAsJsonAsync(Route, request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> CountAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Identities.CountAsync();
    }
}
