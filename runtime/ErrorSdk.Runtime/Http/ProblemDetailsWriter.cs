#if NET8_0_OR_GREATER
using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ErrorSdk.Generator.Conventions;

namespace ErrorSdk.Http
{
    /// <summary>
    /// Writes a typed error as an RFC 9457 <c>application/problem+json</c> body (the member names of
    /// <see cref="ProblemJson"/>), always in the same member order and without reflection. The one problem details
    /// writer: the ASP.NET Core handler answers with it and the <c>errorsdk</c> CLI writes its conformance vectors with
    /// it. On .NET 8 and later only, where <see cref="Utf8JsonWriter"/> is in the box (the netstandard2.0 runtime takes no
    /// JSON package).
    /// </summary>
    public static class ProblemDetailsWriter
    {
        /// <summary>The response status: the error's HTTP status when it is an error status (4xx or 5xx), else 500.</summary>
        /// <param name="error">The typed error.</param>
        public static int StatusOf(TaxonomyException error)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            return error.HttpStatus is >= 400 and <= 599 ? error.HttpStatus : 500;
        }

        /// <summary>
        /// The <c>Retry-After</c> header value when a delay is known: whole seconds, rounded up, so a client never waits
        /// less than asked; null without a delay.
        /// </summary>
        /// <param name="error">The typed error.</param>
        public static string? RetryAfterHeaderOf(TaxonomyException error) =>
            error?.RetryAfter is { } delay ? ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;

        /// <summary>The problem <c>type</c>: a stable URI per reason, <c>about:blank</c> for an error with no reason.</summary>
        /// <param name="error">The typed error.</param>
        /// <param name="typeUriBase">The base the reason is appended to; null for <c>https://{domain}/errors/</c>.</param>
        public static string TypeOf(TaxonomyException error, string? typeUriBase = null)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (string.IsNullOrEmpty(error.Reason))
            {
                return "about:blank";
            }

            return (typeUriBase ?? "https://" + error.Domain + "/errors/") + error.Reason;
        }

        /// <summary>
        /// The problem <c>title</c>: the reason in words (<c>USER_NOT_PROVISIONABLE</c> → <c>User not provisionable</c>);
        /// for an error with no reason (<c>type</c> is <c>about:blank</c>) the HTTP status phrase, as RFC 9457 §4.2.1
        /// asks (<c>Internal Server Error</c>), or the code in words for a status with no standard phrase (499).
        /// </summary>
        /// <param name="error">The typed error.</param>
        /// <param name="status">The response status (<see cref="StatusOf"/>).</param>
        public static string TitleOf(TaxonomyException error, int status)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            var phrase = HttpStatusPhrases.Of(status);
            bool standardPhrase = phrase != "HTTP " + status.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(error.Reason) && standardPhrase)
            {
                return phrase;
            }

            var reason = string.IsNullOrEmpty(error.Reason) ? GrpcCodeTable.NameOf((int)error.Code) : error.Reason;
            var words = new StringBuilder(reason.Length);
            for (int i = 0; i < reason.Length; i++)
            {
                char c = reason[i];
                words.Append(c == '_' ? ' ' : i == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            }

            return words.ToString();
        }

        /// <summary>
        /// Writes the body as one JSON object: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c> (the outward
        /// message), then <c>reason</c>, <c>domain</c>, <c>code</c>, <c>metadata</c> (outward metadata),
        /// <c>retryAfter</c> (seconds) when known, <c>developerMessage</c> when asked for and present, and
        /// <c>traceId</c> when given.
        /// </summary>
        /// <param name="json">The writer; its options (escaping, indentation) are the caller's.</param>
        /// <param name="error">The typed error.</param>
        /// <param name="typeUriBase">The base of the <c>type</c> URI; null for <c>https://{domain}/errors/</c>.</param>
        /// <param name="includeDeveloperMessage">Whether the sanitized developer message travels (trusted callers only).</param>
        /// <param name="traceId">The trace identifier of the failed request; null writes none.</param>
        public static void Write(Utf8JsonWriter json, TaxonomyException error, string? typeUriBase = null, bool includeDeveloperMessage = false, string? traceId = null)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            int status = StatusOf(error);
            json.WriteStartObject();
            json.WriteString(ProblemJson.Type, TypeOf(error, typeUriBase));
            json.WriteString(ProblemJson.Title, TitleOf(error, status));
            json.WriteNumber(ProblemJson.Status, status);
            json.WriteString(ProblemJson.Detail, error.OutwardMessage);
            bool hasReason = !string.IsNullOrEmpty(error.Reason);
            if (hasReason)
            {
                json.WriteString(ProblemJson.Reason, error.Reason);
                json.WriteString(ProblemJson.Domain, error.Domain);
            }

            // UPPER_SNAKE as google.rpc.Code names it (FAILED_PRECONDITION), from the one code table.
            json.WriteString(ProblemJson.Code, GrpcCodeTable.NameOf((int)error.Code));
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

            if (includeDeveloperMessage && !string.IsNullOrEmpty(error.DeveloperMessage))
            {
                json.WriteString(ProblemJson.DeveloperMessage, error.DeveloperMessage);
            }

            if (traceId is not null)
            {
                json.WriteString(ProblemJson.TraceId, traceId);
            }

            json.WriteEndObject();
        }
    }
}
#endif
