using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Hosting;

/// <summary>Once the server listens, warns when it is reachable beyond this machine without an API key.</summary>
internal sealed partial class ExposureWarningService(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<WebOptions> options,
    ILogger<ExposureWarningService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip));
    }

    private void Check()
    {
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return;
        }

        ICollection<string>? addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null)
        {
            return;
        }

        foreach (string address in addresses)
        {
            if (!IsLoopback(address))
            {
                LogExposed(logger, address);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Address}, beyond this machine, without an API key: anyone who reaches it can create and export segments. Set AetherSegment:Web:ApiKey.")]
    private static partial void LogExposed(ILogger logger, string address);
}
