using System.CommandLine;
using Civitas.Cli.Commands;

var root = new RootCommand("Civitas: an open digital-identity platform. Run `civitas serve` to start every module on one port.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DatabaseCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(RegistryCommand.Create());
root.Subcommands.Add(PartnerCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(AuthCommand.Create());
root.Subcommands.Add(VersionCommand.Create());
return await root.Parse(args).InvokeAsync();
