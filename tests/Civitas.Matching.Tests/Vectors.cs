using System.Buffers.Binary;

namespace Civitas.Matching.Tests;

/// <summary>Feature-vector templates written byte by byte (little-endian float32), independently of the matcher's reader.</summary>
internal static class Vectors
{
    public static byte[] Of(params float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(float)), BitConverter.SingleToInt32Bits(values[i]));
        }

        return bytes;
    }

    /// <summary>A vector of <paramref name="dimensions"/> values in [-1, 1), like the registry's synthetic residents hold.</summary>
    public static float[] Random(int seed, int dimensions = 128)
    {
        var random = new Random(seed);
        var values = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
