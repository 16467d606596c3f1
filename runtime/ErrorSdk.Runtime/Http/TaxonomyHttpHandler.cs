using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;

namespace ErrorSdk.Http
{
    /// <summary>
    /// A <see cref="DelegatingHandler"/> that makes <see cref="HttpClient"/> throw the taxonomy's typed exceptions:
    /// an error response (4xx/5xx, a gRPC trailers-only error, or a redirect the primary handler gave up following)
    /// becomes <see cref="HttpErrors.FromResponseAsync"/>'s exception, and a transport failure becomes
    /// <see cref="HttpErrors.FromException"/>'s. The caller's own cancellation propagates unchanged.
    /// </summary>
    /// <remarks>
    /// Place it inside any retry handler, so the retry sees typed errors. A 1xx/2xx/3xx response passes through,
    /// except a 3xx with <c>Location</c> when the primary handler follows redirects: it only returns one when its
    /// redirect limit was reached.
    /// </remarks>
    public sealed class TaxonomyHttpHandler : DelegatingHandler
    {
        private readonly TaxonomyHttpHandlerOptions _options;

        /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> (IHttpClientFactory does).</summary>
        public TaxonomyHttpHandler(IErrorTaxonomy taxonomy, TaxonomyHttpHandlerOptions? options = null)
        {
            Taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _options = options ?? new TaxonomyHttpHandlerOptions();
        }

        /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
        public TaxonomyHttpHandler(IErrorTaxonomy taxonomy, HttpMessageHandler innerHandler, TaxonomyHttpHandlerOptions? options = null)
            : base(innerHandler)
        {
            Taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
            _options = options ?? new TaxonomyHttpHandlerOptions();
        }

        /// <summary>The taxonomy whose kinds the handler raises.</summary>
        public IErrorTaxonomy Taxonomy { get; }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            var timeout = _options.Timeout is { } t && t > TimeSpan.Zero && t != System.Threading.Timeout.InfiniteTimeSpan ? t : (TimeSpan?)null;
            using (var timeoutSource = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeoutSource?.CancelAfter(timeout!.Value);
                try
                {
                    response = await base.SendAsync(request, timeoutSource?.Token ?? cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
                {
                    var elapsed = new TaskCanceledException(
                        "The request was canceled after the handler's timeout of " + timeout!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s.",
                        new TimeoutException(e.Message, e));
                    throw ErrorTelemetry.RecordReceived(HttpErrors.FromException(Taxonomy, elapsed, request)!, ErrorTransport.Http);
                }
                catch (Exception e) when (HttpErrors.FromException(Taxonomy, e, request) is { } error)
                {
                    throw ErrorTelemetry.RecordReceived(error, ErrorTransport.Http);
                }
            }

            if (!IsError(response))
            {
                return response;
            }

            using (response)
            {
                throw ErrorTelemetry.RecordReceived(await HttpErrors.FromResponseAsync(Taxonomy, response, cancellationToken).ConfigureAwait(false), ErrorTransport.Http);
            }
        }

        private bool IsError(HttpResponseMessage response)
        {
            int status = (int)response.StatusCode;
            if (status >= 400)
            {
                return true;
            }

            if (status >= 300 && status <= 399)
            {
                return response.Headers.Location is not null && FollowsRedirects(InnerHandler);
            }

            return response.Headers.TryGetValues(GrpcWire.StatusHeader, out var values) && values.FirstOrDefault()?.Trim() is { } code && code != "0";
        }

        // Only a handler that follows redirects returns a 3xx with Location when its redirect limit was reached.
        private static bool FollowsRedirects(HttpMessageHandler? handler)
        {
            for (int depth = 0; handler is not null && depth < 32; depth++)
            {
                switch (handler)
                {
                    case HttpClientHandler client:
                        return client.AllowAutoRedirect;
#if NET8_0_OR_GREATER
                    case SocketsHttpHandler sockets:
                        return sockets.AllowAutoRedirect;
#endif
                    case DelegatingHandler delegating:
                        handler = delegating.InnerHandler;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
