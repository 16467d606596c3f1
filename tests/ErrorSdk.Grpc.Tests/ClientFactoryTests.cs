using System.Threading.Tasks;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Grpc.Tests.Probe;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorSdk.Grpc.Tests
{
    /// <summary>Grpc.Net.ClientFactory registration: the factory's own AddInterceptor with the taxonomy's interceptor.</summary>
    public sealed class ClientFactoryTests : IClassFixture<ProbeServerFixture>
    {
        private readonly ProbeServerFixture _server;

        public ClientFactoryTests(ProbeServerFixture server) => _server = server;

        [Fact]
        public async Task A_factory_client_throws_the_typed_exception()
        {
            var services = new ServiceCollection();
            services.AddGrpcClient<Probe.Probe.ProbeClient>(o => o.Address = _server.Address)
                .AddInterceptor(() => new TaxonomyClientInterceptor(Kinds.Taxonomy));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<Probe.Probe.ProbeClient>();

            var error = await Assert.ThrowsAsync<ErrorSdk.Taxonomy.ToolRateLimitException>(async () => await client.UnaryAsync(new ProbeRequest { FailWith = "TOOL_RATE_LIMIT" }));

            Kinds.AssertRoundTrip(Kinds.Create("TOOL_RATE_LIMIT"), error, "client factory");
        }
    }
}
