namespace Civitas.LinkedData.JsonLd;

/// <summary>
/// Civitas's own issuer context: defines every claim of the national identity credential, so that verifiers
/// (which fail on undefined terms) can canonicalize it. Served offline by <see cref="StandardDocumentLoader"/>.
/// </summary>
public static class CivitasContext
{
    public const string Url = "https://civitas.example/credentials/v1";

    public const string Json = """
        {
          "@context": {
            "@version": 1.1,
            "@protected": true,
            "civ": "https://civitas.example/vocab#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "CivitasIdentityCredential": "civ:CivitasIdentityCredential",
            "UINCard": "civ:UINCard",
            "fullName": { "@id": "civ:fullName", "@container": "@language" },
            "firstName": { "@id": "civ:firstName", "@container": "@language" },
            "lastName": { "@id": "civ:lastName", "@container": "@language" },
            "gender": { "@id": "civ:gender", "@container": "@language" },
            "addressLine1": { "@id": "civ:addressLine1", "@container": "@language" },
            "addressLine2": { "@id": "civ:addressLine2", "@container": "@language" },
            "addressLine3": { "@id": "civ:addressLine3", "@container": "@language" },
            "city": { "@id": "civ:city", "@container": "@language" },
            "province": { "@id": "civ:province", "@container": "@language" },
            "region": { "@id": "civ:region", "@container": "@language" },
            "postalCode": "civ:postalCode",
            "dateOfBirth": { "@id": "civ:dateOfBirth", "@type": "xsd:date" },
            "phone": "civ:phone",
            "email": "civ:email",
            "UIN": "civ:UIN",
            "VID": "civ:VID",
            "biometrics": "civ:biometrics",
            "face": { "@id": "civ:face", "@type": "@id" },
            "photoDigest": "civ:photoDigest",
            "residenceStatus": "civ:residenceStatus",
            "nationality": "civ:nationality",
            "placeOfBirth": { "@id": "civ:placeOfBirth", "@container": "@language" },
            "issuingAuthority": "civ:issuingAuthority",
            "documentNumber": "civ:documentNumber",
            "height": { "@id": "civ:height", "@type": "xsd:decimal" },
            "eyeColor": "civ:eyeColor",
            "bloodGroup": "civ:bloodGroup",
            "maritalStatus": "civ:maritalStatus",
            "preferredLanguage": "civ:preferredLanguage",
            "guardianName": "civ:guardianName",
            "guardianUIN": "civ:guardianUIN",
            "registrationCenter": "civ:registrationCenter",
            "enrolmentDate": { "@id": "civ:enrolmentDate", "@type": "xsd:dateTime" }
          }
        }
        """;
}
