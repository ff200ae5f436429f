using Civitas.Host;

// `dotnet run --project src/Civitas.Host -- --urls http://127.0.0.1:5080` starts every module on one port.
return await CivitasApplication.RunAsync(args);

/// <summary>Entry point; public so test hosts can refer to the assembly.</summary>
public partial class Program;
