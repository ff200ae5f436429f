using System.Text;

namespace Civitas.Matching.Phonetics;

/// <summary>
/// A consonant skeleton for normalised Arabic-script tokens. Short vowels are already gone (tashkeel); this also
/// drops the letters that mostly write vowels or hamza (alef and hamza everywhere, waw and ya after the first
/// letter, a final ha that was a ta marbuta), merges letters that many speakers pronounce alike
/// (س ص ث, ت ط, د ض, ذ ز ظ, ك ق, ح ه) and collapses repeats. "عمر" and "عمرو" both give عمر.
/// </summary>
internal static class ArabicSkeleton
{
    public static bool IsArabic(string token) =>
        token.Length > 0 && token[0] is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F');

    public static string Key(string token)
    {
        var key = new StringBuilder(token.Length);
        var previous = '\0';
        for (var i = 0; i < token.Length; i++)
        {
            var character = token[i];
            var isVowelLetter = character is '\u0627' or '\u0621'
                || (i > 0 && character is '\u0648' or '\u064A')
                || (i > 0 && i == token.Length - 1 && character == '\u0647');
            if (isVowelLetter)
            {
                continue;
            }

            var sound = Class(character);
            if (sound != previous)
            {
                key.Append(sound);
            }

            previous = sound;
        }

        return key.Length == 0 ? token : key.ToString();
    }

    private static char Class(char character) => character switch
    {
        '\u0635' or '\u062B' => '\u0633', // sad, tha -> sin
        '\u0637' => '\u062A',             // ta (emphatic) -> ta
        '\u0636' => '\u062F',             // dad -> dal
        '\u0630' or '\u0638' => '\u0632', // dhal, dha -> zay
        '\u0642' => '\u0643',             // qaf -> kaf
        '\u0647' => '\u062D',             // ha -> hha
        _ => character,
    };
}
