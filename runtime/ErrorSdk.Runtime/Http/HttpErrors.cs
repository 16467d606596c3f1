using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Safety;

namespace ErrorSdk.Http
{
    /// <summary>
    /// The HTTP client adapter: turns what <see cref="HttpClient"/> gives back — an error response or an
    /// exception — into the taxonomy's typed exceptions. The agent-facing message always comes from the kind's
    /// template (or, for a promoted problem document, the message that arrived); raw text (exception messages,
    /// bodies) goes only to the sanitized <see cref="TaxonomyException.DeveloperMessage"/>.
    /// </summary>
    public static class HttpErrors
    {
        /// <summary>
        /// Turns a non-success response into a typed exception, reading at most 64 KiB of its body:
        /// <list type="number">
        /// <item>gRPC headers (<c>grpc-status</c>, a trailers-only response) promote through
        /// <see cref="IErrorTaxonomy.Promote(Google.Rpc.Status)"/>;</item>
        /// <item>an <c>application/problem+json</c> body whose <c>domain</c> is the taxonomy's promotes exactly
        /// (reason, code, detail, metadata, <c>retryAfter</c>);</item>
        /// <item>a redirect (3xx with <c>Location</c>) is the <c>redirect_limit</c> transport kind;</item>
        /// <item>otherwise the kind whose <c>match.http_status</c> lists the status (an exact status beats a class)
        /// is raised with <c>statusCode</c>, <c>statusPhrase</c>, <c>statusClass</c>, <c>endpoint</c> and
        /// <c>rawBody</c> filled in (those the kind declares) — except that a 403 with a rate-limit signal (a
        /// <c>Retry-After</c> that parses, or <c>RateLimit-Remaining: 0</c> / <c>X-RateLimit-Remaining: 0</c>, as
        /// GitHub sends) is raised as the kind that lists 429 exactly, when there is one, its fields still saying 403;</item>
        /// <item>no match: the taxonomy's fallback for the status's gRPC code (400 INTERNAL, 401 UNAUTHENTICATED,
        /// 403 PERMISSION_DENIED, 404 UNIMPLEMENTED, 429/502/503/504 UNAVAILABLE, else UNKNOWN), or an
        /// <see cref="UnclassifiedException"/>.</item>
        /// </list>
        /// The retry delay comes from <see cref="HttpRetryDelay"/> (never invented). The response is not disposed.
        /// </summary>
        /// <exception cref="ArgumentException">The response has a 2xx status and no gRPC error status.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the body was read.</exception>
        public static async Task<TaxonomyException> FromResponseAsync(IErrorTaxonomy taxonomy, HttpResponseMessage response, CancellationToken cancellationToken = default)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            if (response is null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            if (GrpcStatusOf(response) is { } grpcStatus)
            {
                return taxonomy.Promote(grpcStatus);
            }

            int status = (int)response.StatusCode;
            if (status >= 200 && status <= 299)
            {
                throw new ArgumentException("The response has a success status (" + status.ToString(CultureInfo.InvariantCulture) + ") and no gRPC error.", nameof(response));
            }

            var request = response.RequestMessage;
            var retryAfter = HttpRetryDelay.FromResponse(response, DateTimeOffset.UtcNow);

            var body = await HttpBodyReader.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            string? problemNote = body.Problem;
            if (body.Text is not null && ProblemBody.IsProblem(response.Content))
            {
                var problem = ProblemBody.TryParse(body.Text, out var parseProblem);
                problemNote ??= parseProblem;
                if (problem is not null && problem.Reason is { Length: > 0 } && string.Equals(problem.Domain, taxonomy.Domain, StringComparison.Ordinal))
                {
                    return taxonomy.Promote(ProblemStatus.Build(taxonomy, problem, status, retryAfter));
                }
            }

            var developerMessage = HttpDeveloperMessage.Describe(request, status, body.Text, problemNote);
            if (status >= 300 && status <= 399 && response.Headers.Location is not null)
            {
                return Transport(taxonomy, HttpTransportFailure.RedirectLimit, null, request?.RequestUri, developerMessage);
            }

            bool rateLimitSignal = status == 403 && HttpRetryDelay.HasRateLimitSignal(response);
            return FromStatus(taxonomy, status, request?.RequestUri, body.Text, rateLimitSignal, new TaxonomyExceptionOptions(retryAfter, developerMessage));
        }

        // The kind of an answered status: the 403-that-is-a-rate-limit rule, the match by status, else the fallback.
        private static TaxonomyException FromStatus(
            IErrorTaxonomy taxonomy, int status, Uri? requestUri, string? body, bool rateLimitSignal, TaxonomyExceptionOptions options)
        {
            var endpoint = requestUri is { IsAbsoluteUri: true } uri ? FieldCodec.FormatUri(uri) : null;
            var candidates = new[]
            {
                Pair("statusCode", status.ToString(CultureInfo.InvariantCulture)),
                Pair("statusPhrase", HttpStatusPhrases.Of(status)),
                Pair("statusClass", HttpStatusPhrases.ClassOf(status)),
                Pair("endpoint", endpoint),
                Pair("rawBody", body is null ? null : TextSanitizer.Sanitize(HttpDeveloperMessage.Excerpt(body))),
            };
            if (rateLimitSignal && KindMatcher.ByExactStatus(taxonomy, 429) is { } rateLimit && CreateOrNull(taxonomy, rateLimit, candidates, options) is { } throttled)
            {
                // A 403 that says it is a rate limit (GitHub's primary and secondary limits) is the 429 kind; the
                // status fields still say 403.
                return throttled;
            }

            if (KindMatcher.ByStatus(taxonomy, status) is { } kind && CreateOrNull(taxonomy, kind, candidates, options) is { } matched)
            {
                return matched;
            }

            var message = "Upstream HTTP request failed (" + HttpStatusPhrases.Of(status) + ", " + HttpStatusPhrases.ClassOf(status) + " error).";
            return Fallback(taxonomy, HttpStatusPhrases.CodeOfBareStatus(status), message, candidates, options);
        }

        /// <summary>
        /// Turns an exception from <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> (or from reading
        /// a response body) into the transport kind it is, by <c>match.transport</c>. Returns the exception itself when
        /// it already is (or wraps) a <see cref="TaxonomyException"/>, and null when it is not an HTTP failure —
        /// notably the caller's own cancellation, which is not an error kind and must propagate as it is:
        /// <code>catch (Exception e) when (HttpErrors.FromException(taxonomy, e, request) is { } error) { throw error; }</code>
        /// Pass the <paramref name="request"/> when you have it: it tells an unsendable request (relative URI, bad
        /// scheme) from other failures and fills the <c>endpoint</c> field.
        /// </summary>
        public static TaxonomyException? FromException(IErrorTaxonomy taxonomy, Exception exception, HttpRequestMessage? request)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            if (exception is null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            if (ErrorChain.Find<TaxonomyException>(exception) is { } typed)
            {
                return typed;
            }

            // EnsureSuccessStatusCode (and GetStringAsync & co.) threw: the upstream answered, so its status decides. The
            // response, its headers and its body are gone; the developer message says so and no delay is invented.
            if (AnsweredStatusOf(exception) is { } answered)
            {
                var note = "the body and headers are unknown: " + exception.GetType().Name + " carries only the status (EnsureSuccessStatusCode disposed the response)";
                var options = new TaxonomyExceptionOptions(null, HttpDeveloperMessage.Describe(request, answered, null, note), exception);
                return FromStatus(taxonomy, answered, request?.RequestUri, null, rateLimitSignal: false, options);
            }

            return Classify(exception, request) is { } failure
                ? Transport(taxonomy, failure, exception, request?.RequestUri, HttpDeveloperMessage.Describe(request, exception))
                : null;
        }

        /// <summary>
        /// Which transport failure <paramref name="exception"/> is, or null when it is not an HTTP failure (the
        /// caller's own cancellation included). On .NET 8+ <c>HttpRequestException.HttpRequestError</c> (or
        /// <c>HttpIOException.HttpRequestError</c>, thrown while a body is read) decides;
        /// on netstandard2.0 (or when it is Unknown) the inner exception types do.
        /// </summary>
        public static HttpTransportFailure? Classify(Exception exception, HttpRequestMessage? request = null) =>
            HttpFailureClassifier.Classify(exception ?? throw new ArgumentNullException(nameof(exception)), request);

        /// <summary>
        /// The typed error for a transport <paramref name="failure"/>: the kind whose <c>match.transport</c> claims it,
        /// else the fallback kind of the failure's code (timeout/unreachable UNAVAILABLE, redirect_limit/limit_exceeded
        /// FAILED_PRECONDITION, undecodable/invalid_request/tls INTERNAL), else an <see cref="UnclassifiedException"/>.
        /// </summary>
        public static TaxonomyException ForTransport(IErrorTaxonomy taxonomy, HttpTransportFailure failure, Exception? innerException = null, Uri? endpoint = null)
        {
            if (taxonomy is null)
            {
                throw new ArgumentNullException(nameof(taxonomy));
            }

            return Transport(taxonomy, failure, innerException, endpoint, innerException is null ? null : HttpDeveloperMessage.Describe(null, innerException));
        }

        private static TaxonomyException Transport(IErrorTaxonomy taxonomy, HttpTransportFailure failure, Exception? inner, Uri? endpoint, string? developerMessage)
        {
            var key = TransportKeys.KeyOf(failure);
            var candidates = new[]
            {
                Pair("endpoint", endpoint is { IsAbsoluteUri: true } ? FieldCodec.FormatUri(endpoint) : null),
                Pair("transport", key),
            };
            var options = new TaxonomyExceptionOptions(null, developerMessage, inner);
            if (KindMatcher.ByTransport(taxonomy, key) is { } kind && CreateOrNull(taxonomy, kind, candidates, options) is { } matched)
            {
                return matched;
            }

            return Fallback(taxonomy, TransportKeys.FallbackCodeOf(failure), TransportKeys.FallbackMessageOf(failure), candidates, options);
        }

        // The taxonomy's fallback kind for the code, raised locally with its template; or an UnclassifiedException
        // that still carries the facts as metadata.
        private static TaxonomyException Fallback(
            IErrorTaxonomy taxonomy, Google.Rpc.Code code, string message, KeyValuePair<string, string?>[] candidates, TaxonomyExceptionOptions options)
        {
            using var notReceived = Diagnostics.ErrorTelemetry.SuppressReceived(); // the Promote below only looks the fallback kind up
            var metadata = candidates.Where(c => c.Value is not null && c.Key != "rawBody").ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
            var status = Wire.StatusDetails.Build(
                (int)code, message, string.Empty, string.Empty, metadata, options.RetryAfter,
                options.DeveloperMessage is null ? null : TextSanitizer.Sanitize(options.DeveloperMessage));

            // A reasonless ErrorInfo carries the facts into the promoted error's Metadata. It stays local: ToStatus and
            // the server writers send no ErrorInfo for an error without a reason.
            status.Details.Insert(0, Wire.StatusDetails.ErrorInfo(string.Empty, string.Empty, metadata));
            var promoted = taxonomy.Promote(status);
            if (promoted is not UnclassifiedException && promoted.Kind is { } kind && CreateOrNull(taxonomy, kind, candidates, options) is { } local)
            {
                return local;
            }

            return promoted;
        }

        private static TaxonomyException? CreateOrNull(
            IErrorTaxonomy taxonomy, KindInfo kind, IEnumerable<KeyValuePair<string, string?>> candidates, TaxonomyExceptionOptions options)
        {
            try
            {
                return taxonomy.Create(kind.Reason, KindMatcher.DeclaredFields(kind, candidates), options);
            }
            catch (ArgumentException)
            {
                // A kind whose required fields the adapter cannot fill: the caller falls back, the error is not lost.
                return null;
            }
        }

        private static Google.Rpc.Status? GrpcStatusOf(HttpResponseMessage response)
        {
            if (!response.Headers.Contains(GrpcWire.StatusHeader))
            {
                return null;
            }

            var headers = response.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)));
            var status = GrpcWire.FromTrailers(headers);
            return status is { Code: not 0 } ? status : null;
        }

        // The status of an HttpRequestException that carries one and no transport error: an answered response.
        private static int? AnsweredStatusOf(Exception exception)
        {
            if (ErrorChain.Find<HttpRequestException>(exception) is not { } http)
            {
                return null;
            }

#if NET8_0_OR_GREATER
            return http.HttpRequestError == HttpRequestError.Unknown && http.StatusCode is { } status && (int)status >= 300 ? (int)status : null;
#else
            return null;
#endif
        }

        private static KeyValuePair<string, string?> Pair(string key, string? value) => new KeyValuePair<string, string?>(key, value);
    }
}
