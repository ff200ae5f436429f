namespace Civitas.Matching.Normalisation;

/// <summary>Latin-script folding applied after decomposition and lower-casing: diacritics go, special letters spread.</summary>
internal static class LatinFolding
{
    /// <summary>True for the combining marks that carry Latin diacritics once a letter is decomposed.</summary>
    public static bool IsDiacritic(char character) =>
        character is (>= '\u0300' and <= '\u036F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF')
            or (>= '\u20D0' and <= '\u20FF') or (>= '\uFE20' and <= '\uFE2F');

    /// <summary>Letters with no Unicode decomposition that readers still take for plain ones (lower case input).</summary>
    public static string? Fold(char character) => character switch
    {
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "n",
        'ƒ' => "f",
        _ => null,
    };
}
