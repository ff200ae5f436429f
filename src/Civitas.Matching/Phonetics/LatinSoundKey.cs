using System.Text;

namespace Civitas.Matching.Phonetics;

/// <summary>
/// A sound key for normalised Latin tokens (a–z only), in the spirit of Soundex but without its four-character
/// cut, so long names stay apart. The first letter stays (after spelling fixes such as ph → f, soft c → s); every
/// following consonant becomes its sound class; vowels separate repeats; h and w are silent.
/// Classes: b f p v → 1; c g j k q s x z → 2; d t → 3; l → 4; m n → 5; r → 6.
/// "Jon" and "John" are j5, "Smyth" and "Smith" s53, "Mohamed" and "Muhammad" m53.
/// </summary>
internal static class LatinSoundKey
{
    public static bool IsPlainLatin(string token)
    {
        foreach (var character in token)
        {
            if (character is < 'a' or > 'z')
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>English spelling: silent first letters (kn, gn, pn, wr, ps), ph, ck, gh inside a word.</summary>
    public static string English(string token)
    {
        var spelled = token;
        if (spelled.Length > 2 && spelled[..2] is "kn" or "gn" or "pn" or "wr" or "ps")
        {
            spelled = spelled[1..];
        }

        spelled = spelled.Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal);
        if (spelled.Length > 2)
        {
            spelled = spelled[..1] + spelled[1..].Replace("gh", "", StringComparison.Ordinal);
        }

        return Encode(spelled);
    }

    /// <summary>French spelling: silent h first, ph, qu, and silent endings (e, then s x t d z): Dupont = Dupond.</summary>
    public static string French(string token)
    {
        var spelled = token;
        if (spelled.Length > 1 && spelled[0] == 'h')
        {
            spelled = spelled[1..];
        }

        spelled = spelled.Replace("ph", "f", StringComparison.Ordinal).Replace("qu", "k", StringComparison.Ordinal);
        if (spelled.Length > 2 && spelled[^1] == 'e')
        {
            spelled = spelled[..^1];
        }

        if (spelled.Length > 2 && spelled[^1] is 's' or 'x' or 't' or 'd' or 'z')
        {
            spelled = spelled[..^1];
        }

        return Encode(spelled);
    }

    private static string Encode(string spelled)
    {
        if (spelled.Length == 0)
        {
            return spelled;
        }

        var key = new StringBuilder(spelled.Length);
        var first = spelled[0];
        if (first == 'c')
        {
            // A hard c sounds like k, a soft one (before e, i, y) like s: Catherine = Katherine, Cyril = Syril.
            first = spelled.Length > 1 && spelled[1] is 'e' or 'i' or 'y' ? 's' : 'k';
        }

        key.Append(first);
        var previous = Class(first);
        for (var i = 1; i < spelled.Length; i++)
        {
            var character = spelled[i];
            if (character is 'h' or 'w')
            {
                continue;
            }

            var sound = Class(character);
            if (sound != '0' && sound != previous)
            {
                key.Append(sound);
            }

            previous = sound;
        }

        return key.ToString();
    }

    private static char Class(char character) => character switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
