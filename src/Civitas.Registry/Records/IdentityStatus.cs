namespace Civitas.Registry.Records;

public enum IdentityStatus
{
    Active,
    Blocked,
    Deactivated,
}

public enum IndividualIdType
{
    Uin,
    Vid,
}
