using Civitas.Matching.Normalisation;

namespace Civitas.Matching.Phonetics;

/// <summary>
/// Chooses each token's phonetic key by its script and language: Arabic-script tokens get the consonant skeleton,
/// Latin tokens the French or the English sound key, anything else (digits, other scripts) stands for itself.
/// </summary>
internal static class PhoneticKeys
{
    private static readonly Func<string, string> FrenchKey = token => Key(token, french: true);
    private static readonly Func<string, string> OtherKey = token => Key(token, french: false);

    /// <summary>The key function for tokens of <paramref name="language"/>.</summary>
    public static Func<string, string> For(string? language) =>
        LanguageScripts.IsFrench(language) ? FrenchKey : OtherKey;

    internal static string Key(string token, bool french)
    {
        if (ArabicSkeleton.IsArabic(token))
        {
            return ArabicSkeleton.Key(token);
        }

        if (LatinSoundKey.IsPlainLatin(token))
        {
            return french ? LatinSoundKey.French(token) : LatinSoundKey.English(token);
        }

        return token;
    }
}
