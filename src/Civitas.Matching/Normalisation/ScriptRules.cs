namespace Civitas.Matching.Normalisation;

/// <summary>Which script-specific folding a language gets on top of the generic rules.</summary>
internal enum ScriptRules
{
    /// <summary>Unknown language: compatibility decomposition, case folding, punctuation and spacing only.</summary>
    Generic,

    /// <summary>Latin-script language: also removes diacritics and folds letters such as ß, æ, ø.</summary>
    Latin,

    /// <summary>Arabic-script language: also removes tashkeel and tatweel and unifies alef, ta marbuta and ya forms.</summary>
    Arabic,
}

/// <summary>Maps an ISO 639-3 language code (ISO 639-1 and region-tagged codes are tolerated) to its rules.</summary>
internal static class LanguageScripts
{
    // Languages of the regions Civitas is deployed in first, plus the large European ones; extend as needed.
    private static readonly HashSet<string> LatinScript = new(StringComparer.OrdinalIgnoreCase)
    {
        "eng", "en", "fra", "fre", "fr", "spa", "es", "por", "pt", "deu", "ger", "de", "ita", "it", "nld", "dut", "nl",
        "wol", "wo", "ful", "ff", "bam", "bm", "hau", "ha", "swa", "sw", "yor", "yo", "ibo", "ig", "lin", "ln",
        "kin", "rw", "mlg", "mg", "ber", "kab", "srr", "mos", "tur", "tr", "ind", "id", "msa", "ms", "lat", "la",
    };

    private static readonly HashSet<string> ArabicScript = new(StringComparer.OrdinalIgnoreCase)
    {
        "ara", "ar", "arb", "ary", "arq", "aeb", "arz", "apc", "acm", "fas", "per", "fa", "prs", "urd", "ur",
        "pus", "ps", "ckb", "snd", "sd", "uig", "ug",
    };

    public static ScriptRules For(string? language)
    {
        var code = PrimaryCode(language);
        if (LatinScript.Contains(code))
        {
            return ScriptRules.Latin;
        }

        return ArabicScript.Contains(code) ? ScriptRules.Arabic : ScriptRules.Generic;
    }

    /// <summary>French spelling rules for phonetic keys (silent endings, ph, qu ...).</summary>
    public static bool IsFrench(string? language) => PrimaryCode(language) is "fra" or "fre" or "fr";

    private static string PrimaryCode(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "";
        }

        var primary = language.AsSpan().Trim();
        var separator = primary.IndexOfAny('-', '_');
        return (separator < 0 ? primary : primary[..separator]).ToString().ToLowerInvariant();
    }
}
