using System.Buffers.Binary;

namespace Civitas.Matching.Biometrics;

/// <summary>Cosine similarity of two checked feature vectors of the same dimension, from −1 (opposite) to 1 (same direction).</summary>
internal static class CosineSimilarity
{
    public static double Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException("Feature vectors of different dimensions cannot be compared.", nameof(second));
        }

        // Accumulate in double: 4096 float products summed in float lose the digits that separate 0.90 from 0.91.
        double dot = 0, firstSquares = 0, secondSquares = 0;
        for (var offset = 0; offset < first.Length; offset += sizeof(float))
        {
            double a = BinaryPrimitives.ReadSingleLittleEndian(first[offset..]);
            double b = BinaryPrimitives.ReadSingleLittleEndian(second[offset..]);
            dot += a * b;
            firstSquares += a * a;
            secondSquares += b * b;
        }

        var similarity = dot / (Math.Sqrt(firstSquares) * Math.Sqrt(secondSquares));
        return Math.Clamp(similarity, -1, 1);
    }
}
