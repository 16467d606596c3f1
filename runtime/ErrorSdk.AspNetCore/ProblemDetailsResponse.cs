using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// Answers a request with a typed error as problem details: status, <c>Content-Type</c>, <c>Retry-After</c> when a
    /// delay is known, and the body from the runtime's <see cref="ProblemDetailsWriter"/> with the request's trace id.
    /// </summary>
    internal static class ProblemDetailsResponse
    {
        public static async Task WriteAsync(HttpContext context, TaxonomyException error, TaxonomyErrorOptions options, CancellationToken cancellationToken)
        {
            var response = context.Response;
            response.StatusCode = ProblemDetailsWriter.StatusOf(error);
            response.ContentType = ProblemJson.MediaType;
            if (ProblemDetailsWriter.RetryAfterHeaderOf(error) is { } retryAfter)
            {
                response.Headers[HeaderNames.RetryAfter] = retryAfter;
            }

            using (var json = new Utf8JsonWriter(response.BodyWriter))
            {
                ProblemDetailsWriter.Write(json, error, options.TypeUriBase, options.IncludeDeveloperMessage, Activity.Current?.Id ?? context.TraceIdentifier);
            }

            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
