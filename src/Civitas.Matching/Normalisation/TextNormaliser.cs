using System.Globalization;
using System.Text;

namespace Civitas.Matching.Normalisation;

/// <summary>
/// The one normalisation every demographic strategy uses: a value becomes the set of its tokens.
/// </summary>
/// <remarks>
/// In order: apostrophes and invisible format characters (zero-width joiners, soft hyphens, bidi marks) are dropped
/// without splitting (<c>O'Brien</c> = <c>OBrien</c>); compatibility
/// decomposition (NFKD-equal is NFKC-equal: full-width letters, ligatures, Arabic presentation forms, odd spaces);
/// invariant lower-casing plus the full case folds ß → ss and ς → σ; decimal digits of any script become ASCII;
/// then the language's script rules (<see cref="ScriptRules"/>); every other punctuation mark, symbol, hyphen,
/// control or space separates tokens. Tokens form a set: order and repeats do not count.
/// </remarks>
internal static class TextNormaliser
{
    private static readonly IReadOnlySet<string> NoTokens = new HashSet<string>(StringComparer.Ordinal);

    public static IReadOnlySet<string> Tokens(string? value, string? language)
    {
        if (string.IsNullOrEmpty(value))
        {
            return NoTokens;
        }

        var rules = LanguageScripts.For(language);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var token = new StringBuilder();
        foreach (var original in value)
        {
            // Before decomposition: NFKD turns the acute accent used as an apostrophe into a space. Invisible format
            // characters (zero-width joiners, soft hyphens, bidi marks pasted with Arabic text) vanish the same way.
            if (IsApostrophe(original) || CharUnicodeInfo.GetUnicodeCategory(original) == UnicodeCategory.Format)
            {
                continue;
            }

            if (CompatibilityDecomposition.TryDecompose(original, out var decomposed))
            {
                foreach (var part in decomposed)
                {
                    Append(token, tokens, part, rules);
                }
            }
            else
            {
                Append(token, tokens, original, rules);
            }
        }

        Flush(token, tokens);
        return tokens;
    }

    private static void Append(StringBuilder token, HashSet<string> tokens, char original, ScriptRules rules)
    {
        var character = char.ToLowerInvariant(original);
        switch (character)
        {
            case 'ß':
                token.Append("ss");
                return;
            case 'ς':
                token.Append('σ');
                return;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.DecimalDigitNumber)
        {
            token.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(character)));
            return;
        }

        if (rules == ScriptRules.Latin)
        {
            if (LatinFolding.IsDiacritic(character))
            {
                return;
            }

            if (LatinFolding.Fold(character) is { } folded)
            {
                token.Append(folded);
                return;
            }
        }
        else if (rules == ScriptRules.Arabic)
        {
            if (ArabicFolding.IsRemoved(character))
            {
                return;
            }

            character = ArabicFolding.Fold(character);
        }

        if (IsTokenCharacter(character))
        {
            token.Append(character);
        }
        else
        {
            Flush(token, tokens);
        }
    }

    private static void Flush(StringBuilder token, HashSet<string> tokens)
    {
        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
            token.Clear();
        }
    }

    /// <summary>Letters, digits and the marks that belong to them stay in a token; everything else separates.</summary>
    private static bool IsTokenCharacter(char character) => CharUnicodeInfo.GetUnicodeCategory(character) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.Surrogate => true, // letters beyond the BMP (rare CJK and historic names) arrive as pairs
        _ => false,
    };

    /// <summary>Apostrophes join what they sit between: ' ’ ‘ ʼ ʻ ` ´ ʹ and the full-width '.</summary>
    private static bool IsApostrophe(char character) =>
        character is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u00B4' or '\u02B9' or '\uFF07';
}
