namespace Civitas.Matching.Normalisation;

/// <summary>
/// Arabic-script folding applied after decomposition: the spellings a clerk or a keyboard varies freely are unified.
/// Decomposition has already split hamza and madda off their carriers (أ إ آ ؤ ئ), so dropping the marks leaves
/// the bare alef, waw or ya.
/// </summary>
internal static class ArabicFolding
{
    /// <summary>Tashkeel (harakat, tanwin, shadda, sukun, hamza and madda marks, superscript alef), Quranic marks, tatweel.</summary>
    public static bool IsRemoved(char character) =>
        character is (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u0610' and <= '\u061A')
            or (>= '\u06D6' and <= '\u06ED') or '\u0640';

    public static char Fold(char character) => character switch
    {
        '\u0671' or '\u0672' or '\u0673' or '\u0675' => '\u0627', // alef wasla and alef variants -> alef
        '\u0629' => '\u0647',                                    // ta marbuta -> ha
        '\u0649' or '\u06CC' or '\u06D2' => '\u064A',            // alef maqsura, Farsi ya, ya barree -> ya
        '\u06A9' => '\u0643',                                    // keheh -> kaf
        '\u06C1' or '\u06D5' => '\u0647',                        // heh goal, ae -> ha
        _ => character,
    };
}
