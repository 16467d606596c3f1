using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http;
using ErrorSdk.Http.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.OpenTelemetry.Tests.Infrastructure
{
    /// <summary>
    /// A Kestrel server answering typed errors through ErrorSdk.AspNetCore (logging to the capture), and an
    /// <see cref="HttpClient"/> over <see cref="TaxonomyHttpHandler"/> that turns its answers back into typed errors.
    /// </summary>
    public static class ErrorServer
    {
        public static Task<KestrelHost> StartAsync(TelemetryCapture capture, Action<WebApplication> endpoints, HttpProtocols protocols = HttpProtocols.Http1) =>
            KestrelHost.StartAsync(
                app =>
                {
                    app.UseExceptionHandler();
                    endpoints(app);
                },
                services =>
                {
                    services.AddTaxonomyErrors(ErrorSdkTaxonomy.Instance);
                    services.AddSingleton<ILoggerFactory>(capture.LoggerFactory);
                },
                protocols);

        public static HttpClient Client(KestrelHost host, HttpProtocols protocols = HttpProtocols.Http1) =>
            new HttpClient(new TaxonomyHttpHandler(ErrorSdkTaxonomy.Instance, new SocketsHttpHandler()))
            {
                BaseAddress = host.BaseAddress,
                DefaultRequestVersion = protocols == HttpProtocols.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

        /// <summary>Sends <paramref name="request"/> and returns the typed error the handler threw.</summary>
        public static async Task<TaxonomyException> ErrorOf(HttpClient client, HttpRequestMessage request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                throw new InvalidOperationException("Expected a typed error, got " + (int)response.StatusCode + ".");
            }
            catch (TaxonomyException error)
            {
                return error;
            }
        }

        /// <summary>Waits (bounded) until the server span that raised <paramref name="errorType"/> is exported: it ends after the client has its answer.</summary>
        public static async Task<System.Diagnostics.Activity> ServerSpanAsync(TelemetryCapture capture, string errorType)
        {
            for (int i = 0; i < 200; i++)
            {
                lock (capture.Spans)
                {
                    foreach (var span in capture.Spans)
                    {
                        if (span.Kind == System.Diagnostics.ActivityKind.Server && Equals(span.GetTagItem("error.type"), errorType))
                        {
                            return span;
                        }
                    }
                }

                await Task.Delay(25);
            }

            throw new TimeoutException("No server span raised " + errorType + "; exported: " + string.Join(", ", capture.Spans.Select(s => s.Source.Name + "/" + s.Kind + "/" + s.DisplayName)));
        }
    }
}
