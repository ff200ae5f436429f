using System.Globalization;

namespace Civitas.Kernel.Tests;

/// <summary>Applicant type from the built-in rule table, by query (seed) and by envelope (MOSIP's attribute list).</summary>
public sealed class ApplicantTypeTests(KernelHostFixture fixture) : IClassFixture<KernelHostFixture>
{
    private const string Path = "/v1/applicanttype/getApplicantType";
    private static readonly string Adult = Dob(30);
    private static readonly string Child = Dob(2);

    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("FR", "MLE", 30, "true", "001")]
    [InlineData("FR", "FLE", 30, "true", "002")]
    [InlineData("FR", "MLE", 2, "false", "003")]
    [InlineData("NFR", "FLE", 2, null, "008")]
    [InlineData("NFR", "MLE", 30, "false", "011")]
    [InlineData("NFR", "OTH", 40, null, "014")]
    public async Task Rules_give_the_applicant_type(string type, string gender, int age, string? biometric, string code)
    {
        var query = $"?individualTypeCode={type}&genderCode={gender}&dateofbirth={Dob(age)}&languagecode=eng"
            + (biometric is null ? "" : "&biometricAvailable=" + biometric);
        var body = (await Client.GetEnvelopeAsync(Path + query)).Ok();
        Assert.Equal(code, body.GetProperty("applicantType").Str("applicantTypeCode"));
    }

    [Fact]
    public async Task The_age_limit_is_the_fifth_birthday()
    {
        var justFive = DateTime.UtcNow.Date.AddYears(-5).ToString("yyyy-MM-dd'T'00:00:00.000'Z'", CultureInfo.InvariantCulture);
        var almostFive = DateTime.UtcNow.Date.AddYears(-5).AddDays(1).ToString("yyyy-MM-dd'T'00:00:00.000'Z'", CultureInfo.InvariantCulture);
        Assert.Equal("009", await CodeAsync($"?individualTypeCode=FR&genderCode=MLE&dateofbirth={justFive}&languagecode=eng"));
        Assert.Equal("003", await CodeAsync($"?individualTypeCode=FR&genderCode=MLE&dateofbirth={almostFive}&languagecode=eng"));
    }

    [Fact]
    public async Task Envelope_with_mosip_attributes_gives_the_same_answer()
    {
        var body = (await Client.PostAsync(Path, new
        {
            attributes = new object[]
            {
                new { attribute = "individualTypeCode", value = "NFR" },
                new { attribute = "genderCode", value = "FLE" },
                new { attribute = "dateofbirth", value = Adult },
                new { attribute = "biometricAvailable", value = true },
                new { attribute = "languagecode", value = "eng" },
            },
        })).Ok();
        Assert.Equal("006", body.GetProperty("applicantType").Str("applicantTypeCode"));

        var flat = (await Client.PostAsync(Path, new { individualTypeCode = "NFR", genderCode = "FLE", dateofbirth = Adult, biometricAvailable = true, languagecode = "eng" })).Ok();
        Assert.Equal("006", flat.GetProperty("applicantType").Str("applicantTypeCode"));
    }

    [Fact]
    public async Task A_valid_combination_without_a_rule_is_KER_MSD_147()
    {
        var body = await Client.GetEnvelopeAsync($"{Path}?individualTypeCode=FR&genderCode=OTH&dateofbirth={Child}&languagecode=eng");
        body.AssertError("KER-MSD-147", "Applicant Type data does not exist");
    }

    [Theory]
    [InlineData("genderCode=MLE&dateofbirth=ADULT&languagecode=eng")]
    [InlineData("individualTypeCode=XX&genderCode=MLE&dateofbirth=ADULT&languagecode=eng")]
    [InlineData("individualTypeCode=FR&dateofbirth=ADULT&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=ZZZ&dateofbirth=ADULT&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&dateofbirth=yesterday&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&dateofbirth=FUTURE&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&dateofbirth=ADULT&biometricAvailable=maybe&languagecode=eng")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&dateofbirth=ADULT")]
    [InlineData("individualTypeCode=FR&genderCode=MLE&dateofbirth=ADULT&languagecode=english")]
    public async Task Missing_or_invalid_input_is_KER_MSD_148(string query)
    {
        query = query.Replace("ADULT", Adult, StringComparison.Ordinal).Replace("FUTURE", Dob(-1), StringComparison.Ordinal);
        var body = await Client.GetEnvelopeAsync($"{Path}?{query}");
        body.AssertError("KER-MSD-148", "One or more input parameter is invalid or does not exist");
    }

    private async Task<string> CodeAsync(string query) =>
        (await Client.GetEnvelopeAsync(Path + query)).Ok().GetProperty("applicantType").Str("applicantTypeCode");

    private static string Dob(int yearsAgo) =>
        DateTime.UtcNow.Date.AddYears(-yearsAgo).AddDays(-1).ToString("yyyy-MM-dd'T'05:00:00.000'Z'", CultureInfo.InvariantCulture);
}
