namespace Civitas.Matching;

/// <summary>
/// Which strategy and threshold each demographic attribute gets, bound from <c>Civitas:Matching:Demographics</c>:
/// <code>
/// "Civitas": { "Matching": { "Demographics": {
///   "Default": { "Strategy": "Exact", "Threshold": 100 },
///   "Attributes": {
///     "name": { "Strategy": "Exact", "Threshold": 100, "AllowedStrategies": [ "Partial", "Phonetic" ], "MinimumThreshold": 80 }
///   } } } }
/// </code>
/// Attributes are MOSIP's demographic field names (<c>name</c>, <c>gender</c>, <c>addressLine1</c>, <c>fullAddress</c>,
/// ...), compared without regard to case; an attribute not listed gets <see cref="Default"/>, which is Exact/100.
/// </summary>
public sealed class DemographicMatchingOptions
{
    public const string SectionName = "Civitas:Matching:Demographics";

    /// <summary>The rule for attributes without their own entry.</summary>
    public DemographicAttributeOptions Default { get; set; } = new();

    /// <summary>Per-attribute rules, keyed by attribute name (case-insensitive).</summary>
    public Dictionary<string, DemographicAttributeOptions> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The configured rule for one attribute and how far a request may change it.</summary>
public sealed class DemographicAttributeOptions
{
    /// <summary>The strategy used when the request names none.</summary>
    public MatchStrategy Strategy { get; set; } = MatchStrategy.Exact;

    /// <summary>The score (1–100) a value must reach when the request names no threshold.</summary>
    public int Threshold { get; set; } = 100;

    /// <summary>
    /// Strategies a request may ask for besides <see cref="Strategy"/> (MOSIP's <c>matchingStrategy</c>). Empty by
    /// default: requests cannot loosen the configured strategy.
    /// </summary>
    public IList<MatchStrategy> AllowedStrategies { get; } = [];

    /// <summary>
    /// The lowest threshold a request may ask for (MOSIP's <c>matchingThreshold</c>); requests may always ask for more,
    /// up to 100. Unset means <see cref="Threshold"/>: requests can only be stricter than the configuration.
    /// </summary>
    public int? MinimumThreshold { get; set; }
}
