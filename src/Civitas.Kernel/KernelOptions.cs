namespace Civitas.Kernel;

/// <summary>Settings of the kernel services, section <c>Civitas:Kernel</c>. Defaults follow MOSIP's (REFERENCE.md §4–6).</summary>
internal sealed class KernelOptions
{
    public const string SectionName = "Civitas:Kernel";

    public OtpSettings Otp { get; set; } = new();

    public UinSettings Uin { get; set; } = new();

    public VidSettings Vid { get; set; } = new();

    public RidSettings Rid { get; set; } = new();

    public StaticTokenSettings StaticToken { get; set; } = new();

    public LicenseSettings License { get; set; } = new();

    public ApplicantTypeSettings ApplicantType { get; set; } = new();
}

internal sealed class OtpSettings
{
    public int Length { get; set; } = 6;

    public int ExpirySeconds { get; set; } = 180;

    /// <summary>Validations allowed per key before it is frozen (wrong or right, so parallel guessing is bounded too).</summary>
    public int AttemptThreshold { get; set; } = 10;

    public int FreezeSeconds { get; set; } = 1800;

    /// <summary>Base64 HMAC key (≥ 32 bytes). Hosts sharing one database must share it; empty = a key file in the data directory.</summary>
    public string? HmacKey { get; set; }
}

/// <summary>The filters an identifier must pass; a limit of 0 (or an empty list) switches that filter off.</summary>
internal class IdFilterSettings
{
    public int Length { get; set; }

    /// <summary>Longest allowed run is <c>SequenceLimit - 1</c> digits, counted cyclically (890, 901 are runs).</summary>
    public int SequenceLimit { get; set; } = 3;

    /// <summary>A digit may not repeat within this many positions (<c>(\d)\d{0,limit-1}\1</c>).</summary>
    public int RepeatingLimit { get; set; } = 2;

    /// <summary>No block of this many or more digits may occur twice (<c>(\d{limit,}).*?\1</c>).</summary>
    public int RepeatingBlockLimit { get; set; } = 2;

    /// <summary>No run of this many even digits <c>[2468]</c>.</summary>
    public int ConjugativeEvenDigitsLimit { get; set; }

    /// <summary>The first N digits may not equal the last N.</summary>
    public int DigitsGroupLimit { get; set; }

    /// <summary>The first N digits may not equal the last N reversed.</summary>
    public int ReverseDigitsGroupLimit { get; set; }

    public string[] RestrictedNumbers { get; set; } = ["786", "666"];

    public string[] NotStartWith { get; set; } = ["0", "1"];

    public bool RejectCyclicNumbers { get; set; }
}

internal sealed class UinSettings : IdFilterSettings
{
    public UinSettings()
    {
        Length = 10;
        ConjugativeEvenDigitsLimit = 3;
        DigitsGroupLimit = 5;
        ReverseDigitsGroupLimit = 5;
        RejectCyclicNumbers = true;
    }

    /// <summary>How many UINs one refill adds to the pool.</summary>
    public int UinsToGenerate { get; set; } = 20000;

    /// <summary>A refill starts when fewer unused UINs than this remain.</summary>
    public int MinUnusedThreshold { get; set; } = 5000;

    public int RefillCheckSeconds { get; set; } = 30;
}

internal sealed class VidSettings : IdFilterSettings
{
    public VidSettings() => Length = 16;

    /// <summary>VID types and their lifetime in seconds (0 = never expires).</summary>
    public Dictionary<string, long> Types { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PERPETUAL"] = 0,
        ["TEMPORARY"] = 1800,
    };

    public string DefaultType { get; set; } = "PERPETUAL";
}

internal sealed class RidSettings
{
    public int CenterIdLength { get; set; } = 5;

    public int MachineIdLength { get; set; } = 5;

    public int SequenceLength { get; set; } = 5;

    public string TimestampFormat { get; set; } = "yyyyMMddHHmmss";
}

internal sealed class StaticTokenSettings
{
    /// <summary>Salt appended to the UIN; hosts must share it for tokens to agree. Empty = a secret file in the data directory.</summary>
    public string? UinSalt { get; set; }

    public string? PartnerCodeSalt { get; set; }

    public int Length { get; set; } = 36;
}

internal sealed class LicenseSettings
{
    public int KeyLength { get; set; } = 16;

    /// <summary>Permissions a licence may carry (MOSIP's authentication types by default).</summary>
    public string[] Permissions { get; set; } =
    [
        "OTP Trigger", "OTP Authentication", "Demo Authentication - Address Validation",
        "Demo Authentication - Name Validation", "Demo Authentication - Personal Identity",
        "Bio Authentication - FMR Validation", "Bio Authentication - IIR Validation",
        "Bio Authentication - FID Validation", "Static Pin Authentication", "e-KYC Authentication",
    ];
}

internal sealed class ApplicantTypeSettings
{
    /// <summary>Ages below this are children (MOSIP's <c>mosip.kernel.applicant.type.age.limit</c>).</summary>
    public int ChildAgeLimit { get; set; } = 5;

    /// <summary>Rules, first match wins. Empty in configuration = the built-in table.</summary>
    public List<ApplicantTypeRule> Rules { get; set; } = [];
}

/// <summary>One row of the applicant type table; a null condition matches anything.</summary>
internal sealed class ApplicantTypeRule
{
    public string? IndividualType { get; set; }

    public string? Gender { get; set; }

    /// <summary><c>CHILD</c> or <c>ADULT</c>.</summary>
    public string? AgeGroup { get; set; }

    public bool? Biometric { get; set; }

    public string Code { get; set; } = "";
}
