namespace Civitas.LinkedData.Tests;

/// <summary>The W3C remote-doc suite (documents, redirects, Link headers) over a simulated HTTP loader.</summary>
public sealed class RemoteDocSuiteTests
{
    public static TheoryData<string> Tests => RemoteDocSuite.Ids();

    [Theory]
    [MemberData(nameof(Tests))]
    public void Remote_document(string id) => RemoteDocSuite.Run(RemoteDocSuite.Get(id));
}
