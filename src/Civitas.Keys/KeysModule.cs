namespace Civitas.Keys;

/// <summary>Names shared by the module's registration and persistence.</summary>
internal static class KeysModule
{
    public const string Name = "keys";
}
