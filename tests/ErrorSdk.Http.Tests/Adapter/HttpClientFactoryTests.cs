using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>The one line of setup for IHttpClientFactory users.</summary>
    public sealed class HttpClientFactoryTests : IClassFixture<UpstreamFixture>
    {
        private readonly UpstreamFixture _upstream;

        public HttpClientFactoryTests(UpstreamFixture upstream) => _upstream = upstream;

        [Fact]
        public async Task NamedClient_WithAddTaxonomyErrors_ThrowsTypedErrors()
        {
            var services = new ServiceCollection();
            services.AddHttpClient("upstream", c => c.BaseAddress = _upstream.BaseAddress).AddTaxonomyErrors(_upstream.Taxonomy);
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync("status/404"));

            Assert.Equal("UPSTREAM_NOT_FOUND", error.Reason);
        }

        [Fact]
        public async Task NamedClient_ResolvesTheTaxonomyFromTheContainer_AndAppliesTheHandlerTimeout()
        {
            var services = new ServiceCollection();
            services.AddSingleton(_upstream.Taxonomy);
            services.AddHttpClient("upstream", c => c.BaseAddress = _upstream.BaseAddress)
                .AddTaxonomyErrors(o => o.Timeout = System.TimeSpan.FromMilliseconds(200));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync("slow"));

            Assert.Equal("NETWORK_TRANSPORT_TIMEOUT", error.Reason);
        }
    }
}
