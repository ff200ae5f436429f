using Civitas.Common.Persistence;
using Civitas.Notifications.Api;
using Civitas.Notifications.Outbox;
using Civitas.Notifications.Persistence;
using Civitas.Notifications.Templates;
using Civitas.Notifications.Transports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications;

public static class NotificationsModule
{
    /// <summary>
    /// <see cref="INotificationSender"/> with the outbox and its retry worker; SMS and e-mail transports chosen by
    /// <c>Civitas:Notifications:Sms:Transport</c> and <c>Email:Transport</c> (both <c>DevSink</c> unless configured).
    /// </summary>
    public static IServiceCollection AddCivitasNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NotificationsOptions.SectionName);
        services.AddOptions<NotificationsOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidator>();
        services.AddCivitasModuleDatabase<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(
            configuration, NotificationsDbContext.Module);

        var options = section.Get<NotificationsOptions>() ?? new NotificationsOptions();
        services.AddSingleton<DevSinkTransport>();
        if (options.Sms.Transport == SmsTransportKind.HttpSmsGateway)
        {
            services.AddHttpClient(HttpSmsGatewayTransport.ClientName);
            services.AddSingleton<ISmsTransport, HttpSmsGatewayTransport>();
        }
        else
        {
            services.AddSingleton<ISmsTransport>(provider => provider.GetRequiredService<DevSinkTransport>());
        }

        if (options.Email.Transport == EmailTransportKind.Smtp)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport>(provider => provider.GetRequiredService<DevSinkTransport>());
        }

        services.AddSingleton<OtpTemplates>();
        services.AddSingleton<NotificationDelivery>();
        services.AddSingleton<INotificationSender, NotificationSender>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasNotifications(this IEndpointRouteBuilder routes)
    {
        routes.MapSmsApi();
        routes.MapEmailApi();
        return routes;
    }
}
