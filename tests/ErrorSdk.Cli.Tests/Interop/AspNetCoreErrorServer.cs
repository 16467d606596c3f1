using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// An ASP.NET Core application as a service would write it with ErrorSdk.AspNetCore:
    /// <c>services.AddTaxonomyErrors(ErrorSdkTaxonomy.Instance)</c>, <c>app.UseExceptionHandler()</c>, and one endpoint,
    /// <c>POST /errorsdk.interop.v1.Conformance/{reason}</c>, that throws the typed exception of that kind with the
    /// vector's metadata and retry delay. What the client reads is what <c>TaxonomyExceptionHandler</c> writes: a
    /// trailers-only gRPC response for <c>application/grpc</c> requests, problem+json for the others. Kestrel on
    /// 127.0.0.1 port 0, HTTP/2 only: grpcio cannot talk to a plain-text Http1AndHttp2 endpoint (no prior-knowledge
    /// negotiation there).
    /// </summary>
    internal sealed class AspNetCoreErrorServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private AspNetCoreErrorServer(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        /// <summary>The exception the endpoint throws for <paramref name="vector"/>: the kind built from the vector's values.</summary>
        public static TaxonomyException ErrorOf(Vector vector)
        {
            IErrorTaxonomy taxonomy = ErrorSdkTaxonomy.Instance;
            return taxonomy.Create(vector.Reason, vector.Metadata, new TaxonomyExceptionOptions(retryAfter: vector.RetryAfter))
                ?? throw new InvalidOperationException("the taxonomy has no non-abstract kind " + vector.Reason);
        }

        public static async Task<AspNetCoreErrorServer> StartAsync(IEnumerable<Vector> vectors)
        {
            var byReason = vectors.ToDictionary(v => v.Reason, StringComparer.Ordinal);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
                options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddTaxonomyErrors(ErrorSdkTaxonomy.Instance);

            var app = builder.Build();
            app.UseExceptionHandler();
            app.MapPost(InteropFixture.MethodPrefix + "{reason}", (string reason) =>
            {
                throw byReason.TryGetValue(reason, out var vector) ? ErrorOf(vector) : new UnimplementedException();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new AspNetCoreErrorServer(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
