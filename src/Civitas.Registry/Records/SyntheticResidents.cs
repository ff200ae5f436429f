using System.Globalization;

namespace Civitas.Registry.Records;

/// <summary>
/// Realistic but invented residents for trials and benchmarks: names, addresses and dates from small tables in
/// English, French and Arabic, chosen by a seeded generator so the same seed gives the same people.
/// </summary>
public static class SyntheticResidents
{
    private static readonly (string Latin, string Arabic)[] GivenNames =
    [
        ("Amina", "أمينة"), ("Youssef", "يوسف"), ("Fatou", "فاطو"), ("Karim", "كريم"), ("Leila", "ليلى"),
        ("Omar", "عمر"), ("Awa", "عوى"), ("Samir", "سمير"), ("Nadia", "نادية"), ("Ibrahima", "إبراهيما"),
    ];

    private static readonly (string Latin, string Arabic)[] FamilyNames =
    [
        ("Diallo", "ديالو"), ("Benali", "بن علي"), ("Ndiaye", "نجاي"), ("Haddad", "حداد"), ("Traore", "تراوري"),
        ("Mansour", "منصور"), ("Sow", "سو"), ("Khalil", "خليل"),
    ];

    private static readonly (string English, string French, string Arabic)[] Cities =
    [
        ("Dakar", "Dakar", "داكار"), ("Rabat", "Rabat", "الرباط"), ("Tunis", "Tunis", "تونس"), ("Bamako", "Bamako", "باماكو"),
    ];

    /// <summary>The <paramref name="index"/>-th resident of the sequence started by <paramref name="seed"/>.</summary>
    public static (IdentityData Data, string StaticPin) Create(int seed, int index)
    {
        // HashCode.Combine is randomised per process; this mix is stable, so a seed always gives the same people.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var city = Cities[random.Next(Cities.Length)];
        var female = random.Next(2) == 0;
        var born = new DateTime(1940, 1, 1).AddDays(random.Next(365 * 65));
        var street = random.Next(1, 200).ToString(CultureInfo.InvariantCulture);
        var data = new IdentityData
        {
            FullName =
            [
                new("eng", $"{given.Latin} {family.Latin}"),
                new("fra", $"{given.Latin} {family.Latin}"),
                new("ara", $"{given.Arabic} {family.Arabic}"),
            ],
            DateOfBirth = born.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            Gender = female ? [new("eng", "Female"), new("fra", "Féminin"), new("ara", "أنثى")] : [new("eng", "Male"), new("fra", "Masculin"), new("ara", "ذكر")],
            Phone = "+2217" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            Email = $"{given.Latin}.{family.Latin}.{index}@example.org".ToLowerInvariant(),
            AddressLine1 = [new("eng", $"{street} Palm Street"), new("fra", $"{street} rue des Palmiers"), new("ara", $"{street} شارع النخيل")],
            City = [new("eng", city.English), new("fra", city.French), new("ara", city.Arabic)],
            PostalCode = random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
            Biometrics = new Dictionary<string, IReadOnlyList<string>>
            {
                ["Face"] = [FeatureVector(random)],
                ["Finger"] = [FeatureVector(random), FeatureVector(random)],
            },
        };
        return (data, random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A 128-float feature vector, as the built-in matcher of ID authentication compares them.</summary>
    private static string FeatureVector(Random random)
    {
        var bytes = new byte[128 * sizeof(float)];
        for (var i = 0; i < 128; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), (float)((random.NextDouble() * 2) - 1));
        }

        return Convert.ToBase64String(bytes);
    }
}
