namespace Civitas.Pairing.Tests.Support;

/// <summary>One theory row per case of a vector file, so each case passes or fails on its own.</summary>
internal static class CaseIndexes
{
    public static TheoryData<int> For(string fileName)
    {
        var data = new TheoryData<int>();
        var count = Repository.LoadVectors(fileName).Length;
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
