using System;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorSdk.Grpc.Tests.Infrastructure
{
    /// <summary>
    /// One Grpc.AspNetCore server per test class: Kestrel on 127.0.0.1, a free port, HTTP/2 cleartext, the probe service
    /// behind <see cref="TaxonomyServerInterceptor"/> registered the way a service registers it.
    /// </summary>
    public sealed class ProbeServerFixture : IAsyncLifetime
    {
        private KestrelHost? _host;

        public GrpcChannel Channel { get; private set; } = null!;

        public Uri Address => _host!.BaseAddress;

        /// <summary>A client whose calls go through <see cref="TaxonomyClientInterceptor"/>.</summary>
        public Probe.Probe.ProbeClient Client { get; private set; } = null!;

        /// <summary>A plain grpc-dotnet client: what the server really sent.</summary>
        public Probe.Probe.ProbeClient RawClient { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _host = await KestrelHost.StartAsync(
                app => app.MapGrpcService<ProbeService>(),
                services => services.AddGrpc(o => o.Interceptors.Add<TaxonomyServerInterceptor>(Kinds.Taxonomy)),
                HttpProtocols.Http2);
            Channel = GrpcChannel.ForAddress(_host.BaseAddress);
            Client = new Probe.Probe.ProbeClient(Channel.Intercept(new TaxonomyClientInterceptor(Kinds.Taxonomy)));
            RawClient = new Probe.Probe.ProbeClient(Channel);
        }

        public async Task DisposeAsync()
        {
            Channel?.Dispose();
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}
