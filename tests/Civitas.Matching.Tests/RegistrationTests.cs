using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Matching.Tests;

/// <summary>What the host and ID authentication resolve, and how a vendor matcher takes over one modality.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void The_module_registers_every_matcher()
    {
        using var services = TestServices.Build();
        Assert.NotNull(services.GetRequiredService<IDemographicMatcher>());
        Assert.NotNull(services.GetRequiredService<IDemographicMatchPolicy>());
        Assert.Equal(["Face", "Finger", "Iris"], services.GetServices<IBiometricMatcher>().Select(m => m.Modality).Order());
        var matchers = services.GetRequiredService<IBiometricMatchers>();
        Assert.Equal(["Face", "Finger", "Iris"], matchers.Modalities.Order());
        Assert.Equal("Iris", matchers.For("iris")!.Modality);
        Assert.Null(matchers.For("Palm"));
    }

    [Fact]
    public void Adding_the_module_twice_registers_once()
    {
        using var services = TestServices.Build(after: s => s.AddCivitasMatching(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        Assert.Equal(3, services.GetServices<IBiometricMatcher>().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_vendor_matcher_replaces_the_built_in_one_for_its_modality_only(bool vendorFirst)
    {
        Action<IServiceCollection> addVendor = s => s.AddBiometricMatcher<VendorFaceMatcher>();
        using var services = vendorFirst ? TestServices.Build(before: addVendor) : TestServices.Build(after: addVendor);
        var matchers = services.GetRequiredService<IBiometricMatchers>();

        Assert.IsType<VendorFaceMatcher>(matchers.For("Face"));
        Assert.Equal(0.42, matchers.For("FACE")!.Match(Vectors.Of(1, 0), [Vectors.Of(0, 1)]).BestScore);
        var finger = matchers.For("Finger")!.Match(Vectors.Of(1, 0), [Vectors.Of(0, 1)]);
        Assert.Equal((false, 0.0), (finger.IsMatch, finger.BestScore)); // the built-in cosine still serves Finger

        // Consumers that take the last matcher per modality from the plain list get the vendor's too.
        var lastFace = services.GetServices<IBiometricMatcher>().Last(m => string.Equals(m.Modality, "Face", StringComparison.OrdinalIgnoreCase));
        Assert.IsType<VendorFaceMatcher>(lastFace);
    }

    [Fact]
    public void A_vendor_matcher_can_add_a_modality()
    {
        using var services = TestServices.Build(after: s => s.AddBiometricMatcher<VendorPalmMatcher>());
        Assert.IsType<VendorPalmMatcher>(services.GetRequiredService<IBiometricMatchers>().For("palm"));
    }

    private sealed class VendorFaceMatcher : IBiometricMatcher
    {
        public string Modality => "Face";

        public BiometricMatch Match(ReadOnlySpan<byte> probe, IReadOnlyList<ReadOnlyMemory<byte>> references) => new(true, 0.42, null);
    }

    private sealed class VendorPalmMatcher : IBiometricMatcher
    {
        public string Modality => "Palm";

        public BiometricMatch Match(ReadOnlySpan<byte> probe, IReadOnlyList<ReadOnlyMemory<byte>> references) => new(false, 0, null);
    }
}
