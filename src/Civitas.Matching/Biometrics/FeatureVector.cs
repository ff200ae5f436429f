using System.Buffers.Binary;
using System.Globalization;

namespace Civitas.Matching.Biometrics;

/// <summary>
/// A template of the built-in matchers: little-endian IEEE 754 float32 values, one feature each. Checking happens
/// here once, so the comparison loop can trust its input. Problems name sizes only, never values.
/// </summary>
internal static class FeatureVector
{
    /// <summary>Templates with more features are refused: real feature vectors are a few hundred floats.</summary>
    public const int MaximumDimensions = 4096;

    /// <summary>Null when <paramref name="template"/> is usable, else why not (<paramref name="what"/> names it: "probe", "reference").</summary>
    public static string? Check(ReadOnlySpan<byte> template, string what)
    {
        if (template.IsEmpty)
        {
            return $"The {what} template is empty.";
        }

        if (template.Length % sizeof(float) != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The {what} template is {template.Length} bytes, not a whole number of 32-bit floats.");
        }

        if (template.Length / sizeof(float) > MaximumDimensions)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The {what} template has {template.Length / sizeof(float)} values; at most {MaximumDimensions} are accepted.");
        }

        var anyNonZero = false;
        for (var offset = 0; offset < template.Length; offset += sizeof(float))
        {
            var value = BinaryPrimitives.ReadSingleLittleEndian(template[offset..]);
            if (!float.IsFinite(value))
            {
                return $"The {what} template holds a value that is not a finite number.";
            }

            anyNonZero |= value != 0;
        }

        return anyNonZero ? null : $"The {what} template is a zero vector.";
    }

    /// <summary>The number of features of a template that passed <see cref="Check"/>.</summary>
    public static int Dimensions(ReadOnlySpan<byte> template) => template.Length / sizeof(float);
}
