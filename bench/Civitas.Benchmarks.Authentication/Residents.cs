using System.Globalization;

namespace Civitas.Benchmarks.Authentication;

/// <summary>One line of <c>demo-residents.csv</c> (written by <c>civitas demo seed</c>): what a relying party would know.</summary>
internal sealed record Resident(string Uin, string Name, string Phone);

internal static class Residents
{
    public static IReadOnlyList<Resident> Load(string csvPath)
    {
        var residents = new List<Resident>();
        foreach (var line in File.ReadLines(csvPath).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length >= 4)
            {
                residents.Add(new Resident(fields[0], fields[1], fields[3]));
            }
        }

        return residents.Count > 0
            ? residents
            : throw new InvalidOperationException($"{csvPath} lists no residents; run `civitas demo seed` first.");
    }

    public static string Digits(this int value) => value.ToString(CultureInfo.InvariantCulture);
}
