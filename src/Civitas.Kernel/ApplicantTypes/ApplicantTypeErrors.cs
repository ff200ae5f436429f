using Civitas.Common.Errors;

namespace Civitas.Kernel.ApplicantTypes;

/// <summary>Applicant type errors, exactly as the kernel seed lists them.</summary>
internal static class ApplicantTypeErrors
{
    public const string Prefix = "KER-MSD";

    public static readonly ServiceError NotFound = new("KER-MSD-147", "Applicant Type data does not exist");
    public static readonly ServiceError InvalidRequest = new("KER-MSD-148", "One or more input parameter is invalid or does not exist");
}
