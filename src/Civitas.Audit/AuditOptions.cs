namespace Civitas.Audit;

/// <summary>Settings of the audit writer, section <c>Civitas:Audit</c>.</summary>
internal sealed class AuditOptions
{
    public const string SectionName = "Civitas:Audit";

    /// <summary>Most events appended in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Events that may wait in memory; beyond this, writers wait (back-pressure) instead of losing events.</summary>
    public int QueueCapacity { get; set; } = 100_000;
}
