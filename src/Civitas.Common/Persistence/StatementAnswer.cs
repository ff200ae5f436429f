namespace Civitas.Common.Persistence;

/// <summary>What a hand-written statement answers each of its runs.</summary>
public enum StatementAnswer
{
    /// <summary>The number of rows the run changed.</summary>
    RowsChanged,

    /// <summary>The first column of the first row it returned (a statement with <c>RETURNING</c>), as a number; 0 when it returned none.</summary>
    FirstValue,
}
