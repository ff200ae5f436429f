using Civitas.Testing;

namespace Civitas.Notifications.Tests;

/// <summary>A host whose SMS transport is the HTTP gateway, pointed at a <see cref="FakeSmsGateway"/>; fast retries.</summary>
public sealed class SmsGatewayFixture : IAsyncLifetime
{
    public FakeSmsGateway Gateway { get; private set; } = null!;

    public CivitasTestHost Host { get; private set; } = null!;

    public HttpClient Kernel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await FakeSmsGateway.StartAsync();
        var settings = Notifier.FastRetries();
        settings["Civitas:Notifications:Sms:Transport"] = "HttpSmsGateway";
        settings["Civitas:Notifications:Sms:Gateway:UrlTemplate"] = Gateway.BaseUrl + "/send?to={number}";
        settings["Civitas:Notifications:Sms:Gateway:BodyTemplate"] = "{\"text\":\"{message}\"}";
        settings["Civitas:Notifications:Sms:Gateway:Headers:X-Api-Key"] = "gateway-key";
        Host = await CivitasTestHost.StartAsync(settings);
        Kernel = await Host.CreateServiceClientAsync(Common.Security.CivitasScopes.Kernel);
    }

    public async Task DisposeAsync()
    {
        Kernel.Dispose();
        await Host.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
