using System.Text.Json.Nodes;

namespace Civitas.LinkedData.Tests;

/// <summary>A national identity credential as the wallet back end issues it: ~30 claims, two languages, a photo reference.</summary>
internal static class SampleCredential
{
    public const string Issuer = "https://civitas.example/issuer";

    public static JsonObject Create(bool ed25519Context = false)
    {
        var context = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://civitas.example/credentials/v1");
        if (ed25519Context)
        {
            context.Add("https://w3id.org/security/suites/ed25519-2020/v1");
        }

        static JsonObject Bilingual(string en, string ar) => new() { ["en"] = en, ["ar"] = ar };

        return new JsonObject
        {
            ["@context"] = context,
            ["id"] = "https://civitas.example/credentials/3f1c9a2e-6d1b-4c47-9a55-0f3e1f8b2d10",
            ["type"] = new JsonArray("VerifiableCredential", "CivitasIdentityCredential"),
            ["issuer"] = Issuer,
            ["issuanceDate"] = "2026-03-01T10:00:00Z",
            ["expirationDate"] = "2031-03-01T10:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:resident:4829103746",
                ["UIN"] = "4829103746",
                ["VID"] = "7310495826371049",
                ["fullName"] = Bilingual("Amina Yusuf Haddad", "أمينة يوسف حداد"),
                ["firstName"] = Bilingual("Amina", "أمينة"),
                ["lastName"] = Bilingual("Haddad", "حداد"),
                ["gender"] = Bilingual("Female", "أنثى"),
                ["dateOfBirth"] = "1991-07-14",
                ["placeOfBirth"] = Bilingual("Casablanca", "الدار البيضاء"),
                ["addressLine1"] = Bilingual("12 Palm Street", "12 شارع النخيل"),
                ["addressLine2"] = Bilingual("Apartment 4", "شقة 4"),
                ["city"] = Bilingual("Rabat", "الرباط"),
                ["province"] = Bilingual("Rabat-Sale", "الرباط سلا"),
                ["region"] = Bilingual("North", "الشمال"),
                ["postalCode"] = "10020",
                ["phone"] = "+212600000001",
                ["email"] = "amina.haddad@example.org",
                ["nationality"] = "MA",
                ["residenceStatus"] = "citizen",
                ["maritalStatus"] = "married",
                ["bloodGroup"] = "O+",
                ["eyeColor"] = "brown",
                ["height"] = "167.5",
                ["preferredLanguage"] = "ar",
                ["guardianName"] = "Yusuf Haddad",
                ["guardianUIN"] = "1029384756",
                ["registrationCenter"] = "RC-10011",
                ["enrolmentDate"] = "2024-05-02T09:30:00Z",
                ["documentNumber"] = "ID-77-4829103746",
                ["issuingAuthority"] = "Civitas National Registry",
                ["face"] = "https://civitas.example/photos/4829103746.jp2",
                ["photoDigest"] = "sha256-7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9a",
            },
        };
    }
}
