using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using ErrorSdk.OpenTelemetry.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests
{
    /// <summary>A client built by IHttpClientFactory with <c>AddTaxonomyErrors</c> logs each typed error it receives, and records it once.</summary>
    [Collection(TelemetryCollection.Name)]
    public sealed class HttpClientFactoryLogTests
    {
        [Fact]
        public async Task A_factory_client_logs_and_counts_the_error_it_received()
        {
            using var capture = new TelemetryCapture();
            await using var upstream = await ErrorServer.StartAsync(capture, app => app.MapGet("/missing", () => Results.NotFound()));
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(capture.LoggerFactory);
            services.AddHttpClient("upstream", c => c.BaseAddress = upstream.BaseAddress).AddTaxonomyErrors(ErrorSdkTaxonomy.Instance);
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");

            var error = await Assert.ThrowsAsync<UpstreamNotFoundException>(() => client.GetAsync("missing"));

            var log = Assert.Single(capture.Logs, l => l.CategoryName == "ErrorSdk.Extensions.Http");
            Assert.Equal("ErrorReceived", log.EventId.Name);
            Assert.Equal(LogLevel.Information, log.LogLevel);
            Assert.Equal("HTTP call failed with UPSTREAM_NOT_FOUND (NOT_FOUND, retry Never).", log.FormattedMessage);
            Assert.Contains("ErrorMessage=" + error.OutwardMessage, capture.ExportedText());
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UPSTREAM_NOT_FOUND"), (ErrorTelemetryNames.Direction, "received")));
        }
    }
}
