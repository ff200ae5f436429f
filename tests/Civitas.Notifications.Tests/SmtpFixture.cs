using Civitas.Testing;

namespace Civitas.Notifications.Tests;

/// <summary>A real SMTP server demanding a login, and a host that sends e-mail to it with the right credentials.</summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    public const string User = "civitas";
    public const string Password = "smtp-s3cret";

    public SmtpServerProcess Smtp { get; private set; } = null!;

    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Kernel { get; private set; } = null!;

    public static Dictionary<string, string?> SmtpSettings(int port, string user, string password, string security = "None")
    {
        var settings = Notifier.FastRetries();
        settings["Civitas:Notifications:Email:Transport"] = "Smtp";
        settings["Civitas:Notifications:Email:From"] = "noreply@civitas.test";
        settings["Civitas:Notifications:Email:Smtp:Host"] = "127.0.0.1";
        settings["Civitas:Notifications:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Civitas:Notifications:Email:Smtp:Security"] = security;
        settings["Civitas:Notifications:Email:Smtp:UserName"] = user;
        settings["Civitas:Notifications:Email:Smtp:Password"] = password;
        settings["Civitas:Notifications:Email:Smtp:Timeout"] = "00:00:10";
        return settings;
    }

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServerProcess.StartAsync(auth: $"{User}:{Password}");
        Host = await CivitasTestHost.StartAsync(SmtpSettings(Smtp.Port, User, Password));
        Kernel = await Host.CreateServiceClientAsync(Common.Security.CivitasScopes.Kernel);
    }

    public async Task DisposeAsync()
    {
        Kernel.Dispose();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
