using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Grpc.Tests.Probe;
using ErrorSdk.Grpc;
using ErrorSdk.Taxonomy;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeService = ErrorSdk.Grpc.Tests.Probe.Probe;

namespace ErrorSdk.Bench.Grpc
{
    /// <summary>
    /// A successful unary call over loopback (Kestrel on 127.0.0.1, HTTP/2 cleartext, Grpc.Net.Client): plain grpc-dotnet
    /// against the same call with <see cref="TaxonomyServerInterceptor"/> on the server and
    /// <see cref="TaxonomyClientInterceptor"/> on the client. The difference is what ErrorSdk costs when nothing fails.
    /// </summary>
    [MemoryDiagnoser]
    public class InterceptorOverheadBenchmarks
    {
        private static readonly ProbeRequest Request = new ProbeRequest();
        private WebApplication _plainServer = null!;
        private WebApplication _errorSdkServer = null!;
        private GrpcChannel _plainChannel = null!;
        private GrpcChannel _errorSdkChannel = null!;
        private ProbeService.ProbeClient _plain = null!;
        private ProbeService.ProbeClient _errorSdk = null!;

        [GlobalSetup]
        public void Setup()
        {
            (_plainServer, var plainAddress) = StartAsync(intercept: false).GetAwaiter().GetResult();
            (_errorSdkServer, var errorSdkAddress) = StartAsync(intercept: true).GetAwaiter().GetResult();
            _plainChannel = GrpcChannel.ForAddress(plainAddress);
            _errorSdkChannel = GrpcChannel.ForAddress(errorSdkAddress);
            _plain = new ProbeService.ProbeClient(_plainChannel);
            _errorSdk = new ProbeService.ProbeClient(_errorSdkChannel.Intercept(new TaxonomyClientInterceptor(ErrorSdkTaxonomy.Instance)));
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _plainChannel.Dispose();
            _errorSdkChannel.Dispose();
            _plainServer.StopAsync().GetAwaiter().GetResult();
            _errorSdkServer.StopAsync().GetAwaiter().GetResult();
        }

        [Benchmark(Baseline = true, Description = "grpc-dotnet, no interceptors")]
        public async Task<ProbeReply> Plain() => await _plain.UnaryAsync(Request);

        [Benchmark(Description = "ErrorSdk server + client interceptors")]
        public async Task<ProbeReply> WithErrorSdk() => await _errorSdk.UnaryAsync(Request);

        private static async Task<(WebApplication, string)> StartAsync(bool intercept)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc(o =>
            {
                if (intercept)
                {
                    o.Interceptors.Add<TaxonomyServerInterceptor>(ErrorSdkTaxonomy.Instance);
                }
            });
            var app = builder.Build();
            app.MapGrpcService<SucceedingProbe>();
            await app.StartAsync();
            return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        /// <summary>Answers every call at once.</summary>
        private sealed class SucceedingProbe : ProbeService.ProbeBase
        {
            private static readonly Task<ProbeReply> Reply = Task.FromResult(new ProbeReply());

            public override Task<ProbeReply> Unary(ProbeRequest request, ServerCallContext context) => Reply;
        }
    }
}
