using Civitas.Notifications;
using Civitas.Registry.Records;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Otp;

/// <summary>
/// Sends an OTP to the resident's registered phone and/or e-mail, in the language of their first name entry. The
/// registry keeps numbers as entered (<c>+221 77 ...</c>); the SMS gateway takes digits only. An address the
/// notifications module refuses counts as not sent (IDA-OTA-002), never as a fault.
/// </summary>
internal sealed class OtpSender(INotificationSender notifications, IOptions<AuthenticationOptions> options)
{
    /// <summary>True when every requested channel accepted or queued the message.</summary>
    public async Task<bool> SendAsync(IdentityData data, string otp, bool phone, bool email, CancellationToken cancellationToken)
    {
        var language = data.FullName.FirstOrDefault()?.Language ?? "eng";
        var validity = TimeSpan.FromSeconds(options.Value.OtpValiditySeconds);
        var ok = true;
        try
        {
            if (phone)
            {
                var result = await notifications.SendOtpSmsAsync(Digits(data.Phone!), otp, language, validity, cancellationToken);
                ok &= result.Status != NotificationStatus.Failed;
            }
            if (email)
            {
                var result = await notifications.SendOtpEmailAsync(data.Email!.Trim(), otp, language, validity, cancellationToken);
                ok &= result.Status != NotificationStatus.Failed;
            }
        }
        catch (ArgumentException)
        {
            return false;
        }
        return ok;
    }

    internal static string Digits(string phone) => new([.. phone.Where(char.IsAsciiDigit)]);
}
