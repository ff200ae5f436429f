using Civitas.Matching.Normalisation;

namespace Civitas.Matching.Tests;

/// <summary>Known answers for each normalisation rule.</summary>
public sealed class NormalisationTests
{
    private static string[] Tokens(string value, string language) =>
        [.. TextNormaliser.Tokens(value, language).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("ＡＤＡ ＬＯＶＥＬＡＣＥ", "eng", new[] { "ada", "lovelace" })]      // full-width letters
    [InlineData("ﬁﬂ", "eng", new[] { "fifl" })]                                // ligatures
    [InlineData("Ada\u00A0Lovelace\u2003X", "eng", new[] { "ada", "lovelace", "x" })] // no-break and em spaces
    [InlineData("Ⅻ ①", "xyz", new[] { "1", "xii" })]                            // number forms, even for unknown languages
    public void Compatibility_forms_become_plain_characters(string value, string language, string[] expected) =>
        Assert.Equal(expected, Tokens(value, language));

    [Fact]
    public void Arabic_presentation_forms_become_plain_letters() =>
        Assert.Equal(["محمد"], Tokens("ﻣﺤﻤﺪ", "ara"));

    [Theory]
    [InlineData("ADA LOVELACE", "eng")]
    [InlineData("ada lovelace", "eng")]
    [InlineData("AdA LoVeLaCe", "fra")]
    public void Case_does_not_count(string value, string language) =>
        Assert.Equal(["ada", "lovelace"], Tokens(value, language));

    [Theory]
    [InlineData("Straße", "deu")]
    [InlineData("STRASSE", "deu")]
    [InlineData("Straße", "xyz")]
    public void Sharp_s_folds_to_ss(string value, string language) => Assert.Equal(["strasse"], Tokens(value, language));

    [Fact]
    public void Whitespace_of_any_kind_and_amount_separates_once() =>
        Assert.Equal(["ada", "lovelace"], Tokens("  Ada \t\r\n  Lovelace  ", "eng"));

    [Theory]
    [InlineData("Jean-Pierre", new[] { "jean", "pierre" })]
    [InlineData("Jean–Pierre", new[] { "jean", "pierre" })]  // en dash
    [InlineData("Lovelace, Ada.", new[] { "ada", "lovelace" })]
    [InlineData("(Ada) / Lovelace!", new[] { "ada", "lovelace" })]
    public void Punctuation_and_hyphens_separate(string value, string[] expected) => Assert.Equal(expected, Tokens(value, "eng"));

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("O’Brien")]
    [InlineData("Oʼ Brien")]
    [InlineData("O´Brien")]
    [InlineData("OBrien")]
    public void Apostrophes_join_rather_than_separate(string value) =>
        Assert.Equal(value.Contains(' ', StringComparison.Ordinal) ? ["brien", "o"] : ["obrien"], Tokens(value, "eng"));

    [Theory]
    [InlineData("Éloïse Müller", "fra", new[] { "eloise", "muller" })]
    [InlineData("E\u0301loi\u0308se", "fra", new[] { "eloise" })] // combining marks, not precomposed letters
    [InlineData("François Traoré", "fra", new[] { "francois", "traore" })]
    [InlineData("Søren Æbeltoft", "eng", new[] { "aebeltoft", "soren" })]
    [InlineData("Łukasz Đorđević", "eng", new[] { "dordevic", "lukasz" })]
    [InlineData("Ẓọ̀ Nguyễn", "yor", new[] { "nguyen", "zo" })]
    public void Latin_script_languages_lose_diacritics(string value, string language, string[] expected) =>
        Assert.Equal(expected, Tokens(value, language));

    [Fact]
    public void Unknown_languages_keep_diacritics_but_equate_composed_and_combining_forms()
    {
        Assert.NotEqual(Tokens("eloise", "xyz"), Tokens("Éloïse", "xyz"));
        Assert.Equal(Tokens("E\u0301loi\u0308se", "xyz"), Tokens("Éloïse", "xyz"));
    }

    [Theory]
    [InlineData("مُحَمَّد", "محمد")]       // tashkeel
    [InlineData("محـــمد", "محمد")]        // tatweel
    [InlineData("أحمد", "احمد")]          // alef with hamza above
    [InlineData("إبراهيما", "ابراهيما")]  // alef with hamza below
    [InlineData("آمنة", "امنه")]          // alef with madda; ta marbuta
    [InlineData("ٱلرباط", "الرباط")]      // alef wasla
    [InlineData("فاطمة", "فاطمه")]        // ta marbuta -> ha
    [InlineData("ليلى", "ليلي")]          // alef maqsura -> ya
    [InlineData("مؤمن", "مومن")]          // hamza on waw
    [InlineData("کریم", "كريم")]          // Persian kaf and ya
    public void Arabic_spelling_variants_unify(string value, string expected) => Assert.Equal([expected], Tokens(value, "ara"));

    [Theory]
    [InlineData("Ada\u00ADLovelace", "eng", "adalovelace")]   // soft hyphen
    [InlineData("\u200FLove\u200Blace\u200E", "eng", "lovelace")] // bidi marks, zero-width space
    [InlineData("بن\u200Cعلي", "ara", "بنعلي")]                 // zero-width non-joiner
    [InlineData("\uFEFFمحمد", "ara", "محمد")]                   // byte-order mark pasted at the start
    public void Invisible_format_characters_vanish_without_splitting(string value, string language, string expected) =>
        Assert.Equal([expected], Tokens(value, language));

    [Fact]
    public void Arabic_rules_apply_only_to_Arabic_script_languages() =>
        Assert.Equal(["فاطمة"], Tokens("فاطمة", "xyz"));

    [Fact]
    public void Digits_of_any_script_become_ascii() =>
        Assert.Equal(["12", "شارع", "نخيل"], Tokens("١٢ شارع ۱۲ نخيل", "ara"));

    [Theory]
    [InlineData("Ada Ada Lovelace")]
    [InlineData("Lovelace Ada")]
    [InlineData("lovelace, ADA, ada")]
    public void Tokens_form_a_set(string value) => Assert.Equal(["ada", "lovelace"], Tokens(value, "eng"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-- ,. !")]
    [InlineData("\u064E\u0640")] // only a fatha and a tatweel
    public void Values_without_letters_have_no_tokens(string value) => Assert.Empty(Tokens(value, "ara"));

    [Theory]
    [InlineData("en")]
    [InlineData("ENG")]
    [InlineData("fr-CA")]
    [InlineData("eng_GB")]
    public void Language_codes_are_read_loosely(string language) => Assert.Equal(["eloise"], Tokens("Éloïse", language));
}
