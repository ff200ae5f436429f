namespace Civitas.Partners;

/// <summary>Settings under <c>Civitas:Partners</c>.</summary>
public sealed class PartnersOptions
{
    public const string Section = "Civitas:Partners";

    /// <summary>
    /// How long a node reuses a licence or partner it has read (seconds, 0 = never). Changes made on this node take
    /// effect at once; a status change made on another node (or a licence blocked through the kernel) within this time.
    /// Refusals of unknown keys are never cached.
    /// </summary>
    public int CacheSeconds { get; set; } = 10;
}
