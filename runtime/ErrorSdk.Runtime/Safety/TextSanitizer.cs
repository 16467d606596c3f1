using System;
using System.Text.RegularExpressions;

namespace ErrorSdk.Safety
{
    /// <summary>
    /// Scrubs free text (raw exception messages, upstream bodies) before it becomes a developer message:
    /// URLs lose userinfo, query and fragment; credentials in headers, key/value pairs, JSON members and
    /// PEM blocks are replaced with <c>[REDACTED]</c>. Used on every developer message; agent-facing messages
    /// never contain raw text at all.
    /// </summary>
    public static class TextSanitizer
    {
        /// <summary>What replaces a secret.</summary>
        public const string Redacted = "[REDACTED]";

        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

        private static readonly Regex PemBlock = new Regex(
            @"-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE|KEY)[A-Z0-9 ]*-----[\s\S]*?(-----END [A-Z0-9 ]*-----|$)",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex Url = new Regex(
            @"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>`]+",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex AuthHeader = new Regex(
            @"(?i)\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token)(\s*[:=]\s*)[^\r\n]*",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex BearerToken = new Regex(
            @"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9\-._~+/]+=*",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex JsonSecret = new Regex(
            @"(?i)(""[^""]*(?:key|token|secret|password|passwd|pwd|credential|auth|session|signature)[^""]*""\s*:\s*)(""(?:[^""\\]|\\.)*""|[^,}\s]+)",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex KeyValueSecret = new Regex(
            @"(?i)\b([A-Za-z0-9_\-]*(?:key|token|secret|password|passwd|pwd|credential|signature|sig|session)[A-Za-z0-9_\-]*)(\s*=\s*)[^\s&;,""']+",
            RegexOptions.CultureInvariant, Timeout);

        /// <summary>The scrubbed text. Null gives an empty string.</summary>
        public static string Sanitize(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            try
            {
                var result = PemBlock.Replace(text!, Redacted);
                result = Url.Replace(result, m => SanitizeUrl(m.Value));
                result = AuthHeader.Replace(result, m => m.Groups[1].Value + m.Groups[2].Value + Redacted);
                result = BearerToken.Replace(result, m => m.Groups[1].Value + " " + Redacted);
                result = JsonSecret.Replace(result, m => m.Groups[1].Value + "\"" + Redacted + "\"");
                result = KeyValueSecret.Replace(result, m => m.Groups[1].Value + m.Groups[2].Value + Redacted);
                return result;
            }
            catch (RegexMatchTimeoutException)
            {
                // Text too hostile to scrub in time: nothing of it is safe to keep.
                return Redacted;
            }
        }

        private static string SanitizeUrl(string text)
        {
            // Trailing punctuation usually belongs to the sentence, not the URL.
            int end = text.Length;
            while (end > 0 && ".,;:!?)]}".IndexOf(text[end - 1]) >= 0)
            {
                end--;
            }

            var candidate = text.Substring(0, end);
            var tail = text.Substring(end);
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
            {
                try
                {
                    return UriSanitizer.SanitizeToString(uri) + tail;
                }
                catch (InvalidOperationException)
                {
                }
                catch (UriFormatException)
                {
                }
            }

            // Unparsable: rebuild scheme://host/path by hand, dropping userinfo, query and fragment.
            int schemeEnd = candidate.IndexOf("://", StringComparison.Ordinal) + 3;
            int authorityEnd = candidate.IndexOfAny(new[] { '/', '?', '#' }, schemeEnd);
            if (authorityEnd < 0)
            {
                authorityEnd = candidate.Length;
            }

            var authority = candidate.Substring(schemeEnd, authorityEnd - schemeEnd);
            int at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            var rest = candidate.Substring(authorityEnd);
            int cut = rest.IndexOfAny(new[] { '?', '#' });
            if (cut >= 0)
            {
                rest = rest.Substring(0, cut);
            }

            return candidate.Substring(0, schemeEnd) + authority + rest + tail;
        }
    }
}
