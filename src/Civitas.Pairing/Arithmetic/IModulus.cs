namespace Civitas.Pairing.Arithmetic;

/// <summary>
/// Compile-time description of an odd 254-bit modulus for <see cref="Montgomery{TModulus}"/>.
/// Implemented by empty structs so the JIT specialises the generic code and folds the limbs in as constants.
/// </summary>
internal interface IModulus
{
    static abstract U256 Modulus { get; }

    /// <summary>-modulus⁻¹ mod 2⁶⁴.</summary>
    static abstract ulong NegativeInverse { get; }

    /// <summary>2⁵¹² mod modulus, to enter Montgomery form.</summary>
    static abstract U256 RSquared { get; }

    /// <summary>2²⁵⁶ mod modulus: one in Montgomery form.</summary>
    static abstract U256 One { get; }
}

/// <summary>The BN254CX base field prime p.</summary>
internal struct BaseFieldModulus : IModulus
{
    public static U256 Modulus => new(0xbe6623ef5c1b55b3, 0x243fd6ee18093ee1, 0xb0bddf647a6366d3, 0x2400000008702a0d);

    public static ulong NegativeInverse => 0xef4e205bf9789e85;

    public static U256 RSquared => new(0x1ab56897efb9b4e3, 0xa691c0713a431a9c, 0xb09d24432010d99d, 0x0984f9877b265a33);

    public static U256 One => new(0xcb3504747b40a81b, 0x02411f7d57bf47d3, 0x2acee440a748303a, 0x03ffffffc4eed9a0);
}

/// <summary>The BN254CX group order r (scalars).</summary>
internal struct GroupOrderModulus : IModulus
{
    public static U256 Modulus => new(0xbe11c0a636eb1f6d, 0xc43fd6ee0cc906ce, 0xb0bddf647a6366d2, 0x2400000008702a0d);

    public static ulong NegativeInverse => 0x77a1aafa9a633d9b;

    public static U256 RSquared => new(0x7c882d12fb96bfae, 0xa28f033a656fa449, 0xfac7856946c17599, 0x104e0b77e15d4cd6);

    public static U256 One => new(0xcd83bb747f922405, 0xa2411f7da680d058, 0x2acee440a748303c, 0x03ffffffc4eed9a0);
}
