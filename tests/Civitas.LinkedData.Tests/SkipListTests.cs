namespace Civitas.LinkedData.Tests;

/// <summary>Keeps SkipList.json honest: every entry must name a real test that still fails.</summary>
public sealed class SkipListTests
{
    public static TheoryData<string> Skipped
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var key in SkipList.All.Keys)
            {
                data.Add(key);
            }

            if (SkipList.All.Count == 0)
            {
                data.Add("(empty)");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Skipped))]
    public void Skipped_test_exists_and_still_fails(string key)
    {
        if (key == "(empty)")
        {
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(SkipList.All[key]), $"{key} needs a reason");
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        var suite = key[..hash];
        var id = key[hash..];
        Action run = suite switch
        {
            "rdf-canon" => () => RdfCanonSuiteTests.Run(RdfCanonSuite.Get(id)),
            "remote-doc" => RemoteDocSuite.Entries.FirstOrDefault(e => e.Id == id) is { } remote
                ? () => RemoteDocSuite.Run(remote)
                : throw new Xunit.Sdk.XunitException($"{key} is in SkipList.json but not in the remote-doc manifest"),
            "expand" or "toRdf" => JsonLdSuite.Entries(suite).FirstOrDefault(e => e.Id == id) is { } entry
                ? () => JsonLdSuiteTests.Run(entry)
                : throw new Xunit.Sdk.XunitException($"{key} is in SkipList.json but not in the {suite} manifest (JSON-LD 1.1 scope)"),
            _ => throw new Xunit.Sdk.XunitException($"{key}: unknown suite '{suite}'"),
        };

        var failed = false;
        try
        {
            run();
        }
#pragma warning disable CA1031 // any failure at all means the skip is still justified
        catch (Exception)
#pragma warning restore CA1031
        {
            failed = true;
        }

        Assert.True(failed, $"{key} passes now: remove it from SkipList.json");
    }
}
