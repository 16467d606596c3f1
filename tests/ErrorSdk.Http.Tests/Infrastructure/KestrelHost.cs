using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Http.Tests.Infrastructure
{
    /// <summary>A real Kestrel server on 127.0.0.1 and an OS-chosen port, for the length of a test (class).</summary>
    public sealed class KestrelHost : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private KestrelHost(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
        public Uri BaseAddress { get; }

        /// <summary>Starts a server; <paramref name="configure"/> maps its endpoints.</summary>
        public static async Task<KestrelHost> StartAsync(
            Action<WebApplication> configure,
            Action<IServiceCollection>? services = null,
            HttpProtocols protocols = HttpProtocols.Http1,
            X509Certificate2? certificate = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = protocols;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }));
            services?.Invoke(builder.Services);
            var app = builder.Build();
            configure(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new KestrelHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
