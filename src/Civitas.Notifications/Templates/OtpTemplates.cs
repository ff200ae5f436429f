using System.Globalization;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Templates;

/// <summary>
/// OTP message texts per language: built-in English, French and Arabic, overridable and extendable through
/// <c>Civitas:Notifications:OtpTemplates:{language}</c>. Placeholders: <c>{otp}</c> and <c>{minutes}</c>.
/// </summary>
internal sealed class OtpTemplates(IOptions<NotificationsOptions> options)
{
    private const string Fallback = "eng";

    private static readonly Dictionary<string, (string Sms, string Subject, string Body)> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = ("Your Civitas one-time password is {otp}. It is valid for {minutes} minutes. Do not share it.",
            "Your one-time password",
            "Your Civitas one-time password is {otp}.\nIt is valid for {minutes} minutes. Do not share it with anyone."),
        ["fra"] = ("Votre mot de passe à usage unique Civitas est {otp}. Il est valable {minutes} minutes. Ne le partagez pas.",
            "Votre mot de passe à usage unique",
            "Votre mot de passe à usage unique Civitas est {otp}.\nIl est valable {minutes} minutes. Ne le communiquez à personne."),
        ["ara"] = ("كلمة المرور لمرة واحدة الخاصة بك في سيفيتاس هي {otp}. صالحة لمدة {minutes} دقيقة. لا تشاركها.",
            "كلمة المرور لمرة واحدة",
            "كلمة المرور لمرة واحدة الخاصة بك في سيفيتاس هي {otp}.\nصالحة لمدة {minutes} دقيقة. لا تشاركها مع أي شخص."),
    };

    public string Sms(string language, string otp, TimeSpan validity) => Fill(Pick(language, t => t.Sms, o => o.Sms), otp, validity);

    public (string Subject, string Body) Email(string language, string otp, TimeSpan validity) =>
        (Fill(Pick(language, t => t.Subject, o => o.EmailSubject), otp, validity), Fill(Pick(language, t => t.Body, o => o.EmailBody), otp, validity));

    private string Pick(string language, Func<(string Sms, string Subject, string Body), string> builtIn, Func<OtpTemplateOptions, string?> configured)
    {
        if (options.Value.OtpTemplates.TryGetValue(language, out var custom) && configured(custom) is { Length: > 0 } text)
        {
            return text;
        }

        if (BuiltIn.TryGetValue(language, out var template))
        {
            return builtIn(template);
        }

        return language.Equals(Fallback, StringComparison.OrdinalIgnoreCase) ? builtIn(BuiltIn[Fallback]) : Pick(Fallback, builtIn, configured);
    }

    private static string Fill(string template, string otp, TimeSpan validity) => template
        .Replace("{otp}", otp, StringComparison.Ordinal)
        .Replace("{minutes}", ((int)Math.Ceiling(validity.TotalMinutes)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
