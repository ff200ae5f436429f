using Civitas.Common.Errors;

namespace Civitas.Notifications.Api;

/// <summary>The e-mail notifier's error catalogue, codes and messages as the MOSIP kernel seed lists them.</summary>
internal static class EmailErrors
{
    public const string Prefix = "KER-NOE";

    public static readonly ServiceError ReceiverNotFound = new("KER-NOE-001", "To must be valid. It can't be empty or null.");

    public static readonly ServiceError SubjectNotFound = new("KER-NOE-002", "Subject must be valid. It can't be empty or null.");

    public static readonly ServiceError ContentNotFound = new("KER-NOE-003", "Content must be valid. It can't be empty or null.");

    /// <summary>The mail server refused the message for good (5xx).</summary>
    public static readonly ServiceError MailSend = new("KER-NOE-004", "Mail Send Exception Code");

    /// <summary>The mail server refused Civitas's credentials.</summary>
    public static readonly ServiceError MailAuthentication = new("KER-NOE-005", "Mail Authentication Exception Code");

    /// <summary>Any other final mail failure (e.g. the TLS handshake).</summary>
    public static readonly ServiceError Mail = new("KER-NOE-006", "Mail Exception Code");

    public static readonly ServiceError DataNotValid = new("KER-NOE-999", "Data not valid");

    public static readonly ServiceError Internal = new("KER-NOE-500", "Internal Server Error");
}
