using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using ErrorSdk.Safety;

namespace ErrorSdk.Http
{
    /// <summary>Builds the developer message of an HTTP failure: the request line and the raw detail, sanitized.</summary>
    internal static class HttpDeveloperMessage
    {
        private const int BodyExcerptChars = 1024;

        public static string Describe(HttpRequestMessage? request, int status, string? body, string? note)
        {
            var text = new StringBuilder();
            AppendRequest(text, request);
            text.Append("answered ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(HttpStatusPhrases.Of(status));
            text.Append(status < 100 || status > 599 ? " (outside the HTTP status range 100-599)." : ".");
            if (note is not null)
            {
                text.Append(' ').Append(char.ToUpperInvariant(note[0])).Append(note, 1, note.Length - 1).Append('.');
            }

            if (body is not null)
            {
                text.Append(" Body: ").Append(Excerpt(body));
            }

            return TextSanitizer.Sanitize(text.ToString());
        }

        public static string Describe(HttpRequestMessage? request, Exception exception)
        {
            var text = new StringBuilder();
            AppendRequest(text, request);
            text.Append("failed: ");
            int depth = 0;
            for (var current = exception; current is not null && depth < 6; current = current.InnerException, depth++)
            {
                if (depth > 0)
                {
                    text.Append(" ---> ");
                }

                text.Append(current.GetType().Name);
#if NET8_0_OR_GREATER
                if (current is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
                {
                    text.Append(" (").Append(http.HttpRequestError.ToString()).Append(')');
                }
#endif
                text.Append(": ").Append(current.Message);
            }

            return TextSanitizer.Sanitize(text.ToString());
        }

        private static void AppendRequest(StringBuilder text, HttpRequestMessage? request)
        {
            if (request is null)
            {
                text.Append("The HTTP request ");
                return;
            }

            text.Append(request.Method.Method).Append(' ');
            text.Append(request.RequestUri is { } uri ? Safety.UriSanitizer.SanitizeToString(uri) : "(no URI)").Append(' ');
        }

        public static string Excerpt(string text) => text.Length <= BodyExcerptChars ? text : text.Substring(0, BodyExcerptChars) + "…";
    }
}
