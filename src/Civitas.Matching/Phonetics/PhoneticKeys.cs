using Civitas.Matching.Normalisation;

namespace Civitas.Matching.Phonetics;

/// <summary>
/// Chooses each token's phonetic key by its script and language: Arabic-script tokens get the consonant skeleton,
/// Latin tokens the French or the English sound key, anything else (digits, other scripts) stands for itself.
/// </summary>
internal static class PhoneticKeys
{
    public static IReadOnlySet<string> For(IReadOnlySet<string> tokens, string? language)
    {
        var french = LanguageScripts.IsFrench(language);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            keys.Add(Key(token, french));
        }

        return keys;
    }

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
