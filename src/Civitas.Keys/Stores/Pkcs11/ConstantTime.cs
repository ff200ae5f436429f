namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>Branch-free helpers: masks are all ones (true) or all zeros (false).</summary>
internal static class ConstantTime
{
    public static uint NonZeroMask(byte value) => (uint)(-(int)value >> 31);

    public static uint ByteEqualMask(byte a, byte b) => ~NonZeroMask((byte)(a ^ b));

    public static uint EqualMask(bool value) => (uint)-(value ? 1 : 0);

    public static int Select(uint mask, int ifTrue, int ifFalse) => (int)((mask & (uint)ifTrue) | (~mask & (uint)ifFalse));
}
