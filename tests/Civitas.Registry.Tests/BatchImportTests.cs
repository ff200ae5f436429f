using Civitas.Registry.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Registry.Tests;

/// <summary>The batch path of <see cref="IIdentityImport"/> that seeding and `civitas registry import` use.</summary>
public sealed class BatchImportTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task A_batch_lands_whole_and_every_record_is_found_with_its_pin()
    {
        var import = fixture.Host.Services.GetRequiredService<IIdentityImport>();
        var registry = fixture.Host.Services.GetRequiredService<IIdentityRegistry>();
        var people = Enumerable.Range(0, 40).Select(index => SyntheticResidents.Create(31, index)).ToList();

        var results = await import.ImportAsync(people.Select(person => new ImportItem(null, person.Data, person.StaticPin)).ToList());

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(40, results.Select(result => result.Uin).Distinct().Count());
        for (var index = 0; index < people.Count; index += 13)
        {
            var found = await registry.FindAsync(IndividualIdType.Uin, results[index].Uin!);
            Assert.NotNull(found);
            Assert.Equal(people[index].Data.FullName[0].Value, found.Data.FullName[0].Value);
            Assert.True(await registry.VerifyStaticPinAsync(found.Id, people[index].StaticPin));
            Assert.False(await registry.VerifyStaticPinAsync(found.Id, "000000"));
        }
    }

    [Fact]
    public async Task Invalid_and_colliding_records_are_reported_in_place_and_the_others_still_land()
    {
        var import = fixture.Host.Services.GetRequiredService<IIdentityImport>();
        var registry = fixture.Host.Services.GetRequiredService<IIdentityRegistry>();
        var existing = (await import.ImportAsync(null, SyntheticResidents.Create(32, 0).Data, null)).Uin!;
        var good = SyntheticResidents.Create(32, 1).Data;
        var alsoGood = SyntheticResidents.Create(32, 2).Data;

        var results = await import.ImportAsync(
        [
            new ImportItem(null, good, null),
            new ImportItem(null, good with { Email = "not an address" }, null),
            new ImportItem(existing, alsoGood, null),
            new ImportItem(null, alsoGood, "12"),
            new ImportItem(null, alsoGood, null),
        ]);

        Assert.True(results[0].Succeeded);
        Assert.Contains("identity.email", results[1].Problems!.Keys);
        Assert.False(results[2].Succeeded);
        Assert.NotNull(results[2].Conflict);
        Assert.Contains("staticPin", results[3].Problems!.Keys);
        Assert.True(results[4].Succeeded);
        Assert.NotNull(await registry.FindAsync(IndividualIdType.Uin, results[0].Uin!));
        Assert.NotNull(await registry.FindAsync(IndividualIdType.Uin, results[4].Uin!));
        var stillFirst = await registry.FindAsync(IndividualIdType.Uin, existing);
        Assert.Equal(SyntheticResidents.Create(32, 0).Data.FullName[0].Value, stillFirst!.Data.FullName[0].Value);
    }
}
