using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ErrorSdk.AspNetCore
{
    /// <summary>
    /// Writes a typed error as RFC 9457 <c>application/problem+json</c> (the member names of <see cref="ProblemJson"/>),
    /// with a <c>Retry-After</c> header when a delay is known. Written with <see cref="Utf8JsonWriter"/>: no
    /// reflection, the same member order every time.
    /// </summary>
    internal static class ProblemDetailsWriter
    {
        public static async Task WriteAsync(HttpContext context, TaxonomyException error, TaxonomyErrorOptions options, CancellationToken cancellationToken)
        {
            var response = context.Response;
            int status = error.HttpStatus is >= 400 and <= 599 ? error.HttpStatus : StatusCodes.Status500InternalServerError;
            response.StatusCode = status;
            response.ContentType = ProblemJson.MediaType;
            if (error.RetryAfter is { } delay)
            {
                // Whole seconds, rounded up: a client never waits less than asked.
                response.Headers[HeaderNames.RetryAfter] = Math.Ceiling(delay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            using (var json = new Utf8JsonWriter(response.BodyWriter))
            {
                Write(json, context, error, status, options);
            }

            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The problem <c>type</c>: a stable URI per reason, <c>about:blank</c> for an error with no reason.</summary>
        public static string TypeOf(TaxonomyException error, TaxonomyErrorOptions options)
        {
            if (string.IsNullOrEmpty(error.Reason))
            {
                return "about:blank";
            }

            var prefix = options.TypeUriBase ?? "https://" + error.Domain + "/errors/";
            return prefix + error.Reason;
        }

        /// <summary>
        /// The problem <c>title</c>: the reason in words (<c>USER_NOT_PROVISIONABLE</c> → <c>User not provisionable</c>);
        /// for an error with no reason (<c>type</c> is <c>about:blank</c>) the HTTP status phrase, as RFC 9457 §4.2.1
        /// asks (<c>Internal Server Error</c>), or the code in words for a status with no standard phrase (499).
        /// </summary>
        public static string TitleOf(TaxonomyException error, int status)
        {
            if (string.IsNullOrEmpty(error.Reason) && ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase)
            {
                return phrase;
            }

            var reason = string.IsNullOrEmpty(error.Reason) ? error.Code.ToString() : error.Reason;
            var words = new StringBuilder(reason.Length);
            for (int i = 0; i < reason.Length; i++)
            {
                char c = reason[i];
                words.Append(c == '_' ? ' ' : i == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            }

            return words.ToString();
        }

        private static void Write(Utf8JsonWriter json, HttpContext context, TaxonomyException error, int status, TaxonomyErrorOptions options)
        {
            json.WriteStartObject();
            json.WriteString(ProblemJson.Type, TypeOf(error, options));
            json.WriteString(ProblemJson.Title, TitleOf(error, status));
            json.WriteNumber(ProblemJson.Status, status);
            json.WriteString(ProblemJson.Detail, error.OutwardMessage);
            bool hasReason = !string.IsNullOrEmpty(error.Reason);
            if (hasReason)
            {
                json.WriteString(ProblemJson.Reason, error.Reason);
                json.WriteString(ProblemJson.Domain, error.Domain);
            }

            json.WriteString(ProblemJson.Code, CodeName(error.Code));
            if (hasReason)
            {
                // Metadata belongs to an ErrorInfo; with no reason there is none (as ToStatus sends none).
                json.WriteStartObject(ProblemJson.Metadata);
                foreach (var entry in error.OutwardMetadata)
                {
                    json.WriteString(entry.Key, entry.Value);
                }

                json.WriteEndObject();
            }

            if (error.RetryAfter is { } delay)
            {
                json.WriteNumber(ProblemJson.RetryAfter, delay.TotalSeconds);
            }

            if (options.IncludeDeveloperMessage && !string.IsNullOrEmpty(error.DeveloperMessage))
            {
                json.WriteString(ProblemJson.DeveloperMessage, error.DeveloperMessage);
            }

            json.WriteString(ProblemJson.TraceId, Activity.Current?.Id ?? context.TraceIdentifier);
            json.WriteEndObject();
        }

        // UPPER_SNAKE as google.rpc.Code names it (FailedPrecondition → FAILED_PRECONDITION).
        private static string CodeName(Google.Rpc.Code code)
        {
            var name = code.ToString();
            var snake = new StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]))
                {
                    snake.Append('_');
                }

                snake.Append(char.ToUpperInvariant(name[i]));
            }

            return snake.ToString();
        }
    }
}
