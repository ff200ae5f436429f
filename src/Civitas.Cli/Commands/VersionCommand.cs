using System.CommandLine;
using System.Reflection;

namespace Civitas.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Civitas version.");
        command.SetAction(_ =>
        {
            var version = typeof(Civitas.Host.CivitasApplication).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"civitas {version}");
            return 0;
        });
        return command;
    }
}
