namespace Civitas.Kernel.Persistence;

/// <summary>
/// One hand-written statement of a hot path: its SQL (with <c>@name</c> parameters) and the parameter names in
/// the order callers pass their values. Kept as a static instance so a store can prepare it once and reuse it.
/// </summary>
internal sealed class KernelStatement(string sql, params string[] parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<string> Parameters { get; } = parameters;
}
