using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Polly;

namespace ErrorSdk.Extensions.Http.Resilience
{
    /// <summary>
    /// The typed error of one attempt of a resilience pipeline over <see cref="HttpResponseMessage"/>: its exception through
    /// <see cref="HttpErrors.FromException"/>, or its error response through <see cref="HttpErrors.FromResponseAsync"/>.
    /// Classified once per attempt: the circuit breaker, the retry's decision, its delay and its OnRetry see the same error.
    /// </summary>
    internal static class HttpOutcomeClassifier
    {
        private static readonly ResiliencePropertyKey<Classified> LastClassified = new ResiliencePropertyKey<Classified>("ErrorSdk.Extensions.Http.Resilience.Classified");

        /// <summary>The typed error, or null for a success (or the caller's own cancellation).</summary>
        public static async ValueTask<TaxonomyException?> ClassifyAsync(IErrorTaxonomy taxonomy, Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            object? source = (object?)outcome.Exception ?? outcome.Result;
            if (source is null)
            {
                return null;
            }

            if (context.Properties.TryGetValue(LastClassified, out var last) && ReferenceEquals(last.Source, source))
            {
                return last.Error;
            }

            TaxonomyException? error;
            if (outcome.Exception is { } exception)
            {
                error = HttpErrors.FromException(taxonomy, exception, context.GetRequestMessage());
            }
            else if (outcome.Result is { } response && IsError(response))
            {
                // Only an error response is buffered (the success path is never read): the classification reads its body,
                // and whoever receives the response when it is not retried (the caller, TaxonomyHttpHandler) reads it again.
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                error = await HttpErrors.FromResponseAsync(taxonomy, response, context.CancellationToken).ConfigureAwait(false);
            }
            else
            {
                error = null;
            }

            context.Properties.Set(LastClassified, new Classified(source, error));
            return error;
        }

        // What TaxonomyHttpHandler throws for: a status of 400 or more, or a gRPC error status in the headers.
        private static bool IsError(HttpResponseMessage response) =>
            (int)response.StatusCode >= 400 ||
            (response.Headers.TryGetValues(GrpcWire.StatusHeader, out var values) && values.FirstOrDefault()?.Trim() is { } code && code != "0");

        private sealed class Classified
        {
            public Classified(object source, TaxonomyException? error)
            {
                Source = source;
                Error = error;
            }

            public object Source { get; }

            public TaxonomyException? Error { get; }
        }
    }
}
