using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// A Kestrel endpoint that answers /errorsdk.interop.v1.Conformance/REASON with that kind's error as a
    /// trailers-only gRPC response written by <see cref="GrpcWire.ToTrailers"/>. HTTP/2 only: grpcio cannot talk to
    /// a plain-text Http1AndHttp2 endpoint (no prior-knowledge negotiation there).
    /// </summary>
    internal sealed class KestrelStatusServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private KestrelStatusServer(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public static async Task<KestrelStatusServer> StartAsync(IReadOnlyDictionary<string, Google.Rpc.Status> statuses)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
                options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            var app = builder.Build();
            app.MapPost(InteropFixture.MethodPrefix + "{reason}", (HttpContext context, string reason) =>
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/grpc";
                var status = statuses.TryGetValue(reason, out var known)
                    ? known
                    : new Google.Rpc.Status { Code = (int)Google.Rpc.Code.Unimplemented, Message = "no kind " + reason };
                foreach (var trailer in GrpcWire.ToTrailers(status))
                {
                    context.Response.Headers.Append(trailer.Key, trailer.Value);
                }

                // No body: Kestrel sends one HEADERS frame with END_STREAM, a trailers-only answer.
                return Task.CompletedTask;
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new KestrelStatusServer(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
