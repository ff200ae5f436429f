using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Civitas.Audit.Persistence;

namespace Civitas.Audit.Chain;

/// <summary>
/// The chain's hash: SHA-256 over a version tag, the previous entry's hash, the sequence number, both times and every
/// field length-prefixed (so field boundaries cannot be shifted). Any edit, deletion or reordering changes some hash.
/// </summary>
internal static class AuditHashing
{
    public const int HashLength = 32;

    private const byte FormatVersion = 1;

    public static byte[] Genesis { get; } = new byte[HashLength];

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, AuditEntryEntity entry)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxEncodedLength(entry));
        try
        {
            var span = buffer.AsSpan();
            span[0] = FormatVersion;
            var at = 1;
            previousHash.CopyTo(span[at..]);
            at += HashLength;
            BinaryPrimitives.WriteInt64BigEndian(span[at..], entry.Sequence);
            BinaryPrimitives.WriteInt64BigEndian(span[(at + 8)..], AuditTime.ToUnixMicroseconds(entry.ActionTime));
            BinaryPrimitives.WriteInt64BigEndian(span[(at + 16)..], AuditTime.ToUnixMicroseconds(entry.RecordedAt));
            at += 24;
            at = WriteField(span, at, entry.EventId);
            at = WriteField(span, at, entry.EventName);
            at = WriteField(span, at, entry.EventType);
            at = WriteField(span, at, entry.HostName);
            at = WriteField(span, at, entry.HostIp);
            at = WriteField(span, at, entry.ApplicationId);
            at = WriteField(span, at, entry.ApplicationName);
            at = WriteField(span, at, entry.SessionUserId);
            at = WriteField(span, at, entry.SessionUserName);
            at = WriteField(span, at, entry.ReferenceId);
            at = WriteField(span, at, entry.ReferenceIdType);
            at = WriteField(span, at, entry.CreatedBy);
            at = WriteField(span, at, entry.ModuleName);
            at = WriteField(span, at, entry.ModuleId);
            at = WriteField(span, at, entry.Description);
            return SHA256.HashData(span[..at]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int WriteField(Span<byte> span, int at, string? value)
    {
        if (value is null)
        {
            // -1 marks null, distinct from the empty string (length 0).
            BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
            return at + 4;
        }

        var length = Encoding.UTF8.GetBytes(value, span[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
        return at + 4 + length;
    }

    private static int MaxEncodedLength(AuditEntryEntity entry) =>
        1 + HashLength + 24 + (15 * 4) + Encoding.UTF8.GetMaxByteCount(
            entry.EventId.Length + entry.EventName.Length + entry.EventType.Length + entry.HostName.Length
            + entry.HostIp.Length + entry.ApplicationId.Length + entry.ApplicationName.Length + entry.SessionUserId.Length
            + entry.SessionUserName.Length + entry.ReferenceId.Length + entry.ReferenceIdType.Length + entry.CreatedBy.Length
            + (entry.ModuleName?.Length ?? 0) + (entry.ModuleId?.Length ?? 0) + (entry.Description?.Length ?? 0));
}
