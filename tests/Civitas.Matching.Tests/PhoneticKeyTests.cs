using Civitas.Matching.Phonetics;

namespace Civitas.Matching.Tests;

/// <summary>Known keys, so a change to the sound rules shows up as a changed key rather than a changed score only.</summary>
public sealed class PhoneticKeyTests
{
    [Theory]
    [InlineData("john", "j5")]
    [InlineData("jon", "j5")]
    [InlineData("smith", "s53")]
    [InlineData("smyth", "s53")]
    [InlineData("knight", "n3")]
    [InlineData("phillips", "f412")]
    [InlineData("catherine", "k365")]
    [InlineData("cyril", "s64")]
    [InlineData("ada", "a3")]
    public void English(string token, string key) => Assert.Equal(key, LatinSoundKey.English(token));

    [Theory]
    [InlineData("dupont", "d15")]
    [InlineData("dupond", "d15")]
    [InlineData("philippe", "f41")]
    [InlineData("helene", "e45")]
    [InlineData("jacques", "j2")]
    public void French(string token, string key) => Assert.Equal(key, LatinSoundKey.French(token));

    [Theory]
    [InlineData("عمرو", "عمر")]
    [InlineData("يوسف", "يسف")]
    [InlineData("صمير", "سمر")]
    [InlineData("فاطمه", "فتم")]
    [InlineData("ا", "ا")] // nothing but a vowel letter: the token stands for itself
    public void Arabic(string token, string key) => Assert.Equal(key, ArabicSkeleton.Key(token));

    [Theory]
    [InlineData("12", "12")]
    [InlineData("σοφια", "σοφια")]
    public void Other_tokens_stand_for_themselves(string token, string key) => Assert.Equal(key, PhoneticKeys.Key(token, french: false));
}
