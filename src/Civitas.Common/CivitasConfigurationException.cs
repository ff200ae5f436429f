namespace Civitas.Common;

/// <summary>Configuration that stops Civitas from starting; the message says how to fix it.</summary>
public sealed class CivitasConfigurationException(string message) : Exception(message);
