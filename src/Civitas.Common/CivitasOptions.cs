namespace Civitas.Common;

/// <summary>Host-wide settings, section <c>Civitas</c> (environment variables <c>Civitas__Name</c>).</summary>
public sealed class CivitasOptions
{
    public const string SectionName = "Civitas";

    /// <summary>Where the embedded default keeps everything it writes (SQLite file, key files, dev outbox).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Largest request body accepted, in bytes (1 MiB by default).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Public base address (e.g. <c>https://id.example.org</c>) used in links Civitas hands out; empty = the first listening address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The data directory as an absolute path (relative paths are taken from the working directory).</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
