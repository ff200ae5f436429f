using System.CommandLine;
using Civitas.Host;

namespace Civitas.Cli.Commands;

/// <summary><c>civitas serve [--urls ...] [--Civitas:DataDirectory=...]</c>: the same host as <c>dotnet run --project src/Civitas.Host</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run Civitas (all modules) until stopped; host options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, _) => CivitasApplication.RunAsync([.. result.UnmatchedTokens]));
        return command;
    }
}
