using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Http;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// The success path stays free: one successful GET over loopback to a Kestrel server on 127.0.0.1, through the same
    /// <see cref="HttpClient"/> configuration with and without <see cref="TaxonomyHttpHandler"/>. The baseline is the client
    /// without it; the ratio is the handler's cost on a request that succeeds. Not a <see cref="BenchmarkBase"/>: it is no
    /// hand-written/generated/reflection comparison, so the hot-path summary and the CPU-time mode leave it out. Run it with
    /// <c>--filter '*HttpSuccessPath*' --job short --inProcess</c>.
    /// </summary>
    [MemoryDiagnoser]
    [MedianColumn]
    public class HttpSuccessPathBenchmarks
    {
        private WebApplication? _server;
        private HttpClient? _plain;
        private HttpClient? _withHandler;
        private Uri? _uri;

        [GlobalSetup]
        public void Setup()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _server = builder.Build();
            _server.MapGet("/ok", () => "ok");
            _server.StartAsync().GetAwaiter().GetResult();
            var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _uri = new Uri(address + "/ok");
            _plain = new HttpClient(new SocketsHttpHandler());
            _withHandler = new HttpClient(new TaxonomyHttpHandler(ErrorSdkTaxonomy.Instance, new SocketsHttpHandler()));
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _plain?.Dispose();
            _withHandler?.Dispose();
            _server?.StopAsync().GetAwaiter().GetResult();
            (_server as IDisposable)?.Dispose();
        }

        /// <summary>The same request through a client without the handler.</summary>
        [Benchmark(Baseline = true)]
        public async Task<int> WithoutHandler()
        {
            using var response = await _plain!.GetAsync(_uri);
            return (int)response.StatusCode;
        }

        /// <summary>A successful request through TaxonomyHttpHandler.</summary>
        [Benchmark]
        public async Task<int> WithTaxonomyHttpHandler()
        {
            using var response = await _withHandler!.GetAsync(_uri);
            return (int)response.StatusCode;
        }
    }
}
