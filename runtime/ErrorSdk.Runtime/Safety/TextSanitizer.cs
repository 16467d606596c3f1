using System;
using System.Text.RegularExpressions;

namespace ErrorSdk.Safety
{
    /// <summary>
    /// Scrubs free text (raw exception messages, upstream bodies, received messages) before it becomes a developer
    /// message or is sent on: URLs lose userinfo, query and fragment; credentials in headers, key/value pairs
    /// (<c>=</c> or <c>:</c>, quoted or not), JSON members, XML elements, <c>user:password@host</c> and PEM blocks,
    /// and bare tokens of well-known shapes (AWS key ids, GitHub, GitLab, Slack, Stripe, Google, npm tokens, JWTs,
    /// Slack webhook paths) are replaced with <c>[REDACTED]</c>. Agent-facing messages of locally raised errors never
    /// contain raw text at all.
    /// </summary>
    /// <remarks>
    /// Every pattern is bounded (no unbounded quantifier is followed by more pattern), so scrubbing is linear in the
    /// text; each one runs only when a cheap check finds what it needs. A text that still takes too long is replaced
    /// whole by <c>[REDACTED]</c>: fail closed. A secret with no label and no known shape (a bare random password)
    /// cannot be recognized.
    /// </remarks>
    public static partial class TextSanitizer
    {
        /// <summary>What replaces a secret.</summary>
        public const string Redacted = "[REDACTED]";

        // Compiled (or source-generated) once: scrubbing runs on every developer message and every received message.
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        // Words that label a secret in key=value text, JSON members and XML elements.
        private const string SecretWords =
            "key|token|secret|password|passwd|pwd|passphrase|credential|signature|sig|session|auth|cookie|private";

        // Labels strong enough to mark a secret after a colon too ("password: x"), where weaker words give false alarms.
        private const string StrongSecretWords =
            "password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?";

        // A backstop only: every pattern is linear, and 16 KB scrubs in milliseconds.
        private const int TimeoutMilliseconds = 1000;

        private const string PemBlockPattern =
            @"-----BEGIN [A-Z0-9 ]{0,40}-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}-----|$)";

        private static readonly Regex PemBlock = CreatePemBlock();

        private const string UrlPattern =
            @"\b[a-zA-Z][a-zA-Z0-9+.\-]{0,31}://[^\s""'<>`]+";

        private static readonly Regex Url = CreateUrl();

        private const string AuthHeaderPattern =
            @"(?i)\b(proxy-authorization|authorization|set-cookie|cookie|x-api-key|api-key|x-auth-token|x-amz-security-token|x-goog-api-key|private-token)(\s*[:=]\s*)[^\r\n]*";

        private static readonly Regex AuthHeader = CreateAuthHeader();

        private const string AuthSchemePattern =
            // Only before something credential-like (a digit, a symbol or an inner capital), so "Basic validation failed"
            // and "Bearer authentication is required" stay readable.
            @"(?i)\b(bearer|basic|digest|negotiate|ntlm)\s+(?=(?-i)[A-Za-z0-9\-._~+/]*(?:[0-9\-._~+/=]|[A-Za-z0-9\-._~+/][A-Z]))[A-Za-z0-9\-._~+/]+=*";

        private static readonly Regex AuthScheme = CreateAuthScheme();

        private const string JsonSecretPattern =
            @"(?i)(?:" + SecretWords + @")(?<=""[^""\r\n]{0,80})[^""\r\n]{0,64}?""\s*:\s*(""(?:[^""\\]|\\.)*""|[^,}\]\s]+)";

        private static readonly Regex JsonSecret = CreateJsonSecret();

        private const string XmlSecretPattern =
            @"(?i)(<([A-Za-z0-9_:\-]{0,32}?(?:" + SecretWords + @")[A-Za-z0-9_:\-]{0,32})>)[^<]*(</\2>)";

        private static readonly Regex XmlSecret = CreateXmlSecret();

        private const string KeyValueSecretPattern =
            @"(?i)(?:" + SecretWords + @")[A-Za-z0-9_.\-]{0,64}?\s*=\s*('[^']*'|""[^""]*""|[^\s&;,""']+)";

        private static readonly Regex KeyValueSecret = CreateKeyValueSecret();

        private const string ColonSecretPattern =
            @"(?i)(?:" + StrongSecretWords + @")[A-Za-z0-9_.\-]{0,64}?\s*:\s*('[^']*'|""[^""]*""|[^\s&;,""']+)";

        private static readonly Regex ColonSecret = CreateColonSecret();

        // user:password@host outside a URL, found from its colon ("connecting to admin:pw@db:5432"); URLs were handled before.
        private const string UserInfoPattern =
            @":(?<=(?<![A-Za-z0-9._%+\-/])[A-Za-z0-9._%+\-]{1,64}:)([^\s:@/""']{1,128})@(?=[A-Za-z0-9\[])";

        private static readonly Regex UserInfo = CreateUserInfo();

        private const string KnownTokenPattern =
            @"\b(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}" +
            @"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_\-]{20,}" +
            @"|xox[abposre]-[A-Za-z0-9\-]{10,}|[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}|AIza[0-9A-Za-z_\-]{35}" +
            @"|npm_[A-Za-z0-9]{36}|eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*)";

        private static readonly Regex KnownToken = CreateKnownToken();

        // The secret of a Slack webhook is its path, which URL scrubbing keeps.
        private const string SlackWebhookPattern =
            @"(?<=hooks\.slack\.com/services/)[A-Za-z0-9/]+";

        private static readonly Regex SlackWebhook = CreateSlackWebhook();

#if NET7_0_OR_GREATER
        [GeneratedRegex(PemBlockPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreatePemBlock();

        [GeneratedRegex(UrlPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateUrl();

        [GeneratedRegex(AuthHeaderPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateAuthHeader();

        [GeneratedRegex(AuthSchemePattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateAuthScheme();

        [GeneratedRegex(JsonSecretPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateJsonSecret();

        [GeneratedRegex(XmlSecretPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateXmlSecret();

        [GeneratedRegex(KeyValueSecretPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateKeyValueSecret();

        [GeneratedRegex(ColonSecretPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateColonSecret();

        [GeneratedRegex(UserInfoPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateUserInfo();

        [GeneratedRegex(KnownTokenPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateKnownToken();

        [GeneratedRegex(SlackWebhookPattern, Options, TimeoutMilliseconds)]
        private static partial Regex CreateSlackWebhook();

#else
        private static Regex CreatePemBlock() => new Regex(PemBlockPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateUrl() => new Regex(UrlPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateAuthHeader() => new Regex(AuthHeaderPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateAuthScheme() => new Regex(AuthSchemePattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateJsonSecret() => new Regex(JsonSecretPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateXmlSecret() => new Regex(XmlSecretPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateKeyValueSecret() => new Regex(KeyValueSecretPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateColonSecret() => new Regex(ColonSecretPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateUserInfo() => new Regex(UserInfoPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateKnownToken() => new Regex(KnownTokenPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

        private static Regex CreateSlackWebhook() => new Regex(SlackWebhookPattern, Options | RegexOptions.Compiled, TimeSpan.FromMilliseconds(TimeoutMilliseconds));

#endif

        private static readonly string[] SchemeWords = { "bearer", "basic", "digest", "negotiate", "ntlm" };

        /// <summary>The scrubbed text. Null gives an empty string.</summary>
        public static string Sanitize(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            try
            {
                var result = text!;
                if (Has(result, "-----BEGIN "))
                {
                    result = PemBlock.Replace(result, Redacted);
                }

                if (Has(result, "://"))
                {
                    result = Url.Replace(result, m => SanitizeUrl(m.Value));
                }

                bool colon = result.IndexOf(':') >= 0;
                bool equals = result.IndexOf('=') >= 0;
                if (colon || equals)
                {
                    result = AuthHeader.Replace(result, m => m.Groups[1].Value + m.Groups[2].Value + Redacted);
                }

                if (HasAny(result, SchemeWords))
                {
                    result = AuthScheme.Replace(result, m => m.Groups[1].Value + " " + Redacted);
                }

                if (colon && result.IndexOf('"') >= 0)
                {
                    result = JsonSecret.Replace(result, m => RedactGroup(m, "\"" + Redacted + "\""));
                }

                if (result.IndexOf('<') >= 0)
                {
                    result = XmlSecret.Replace(result, m => m.Groups[1].Value + Redacted + m.Groups[3].Value);
                }

                if (equals)
                {
                    result = KeyValueSecret.Replace(result, m => RedactGroup(m, Redacted));
                }

                if (colon)
                {
                    result = ColonSecret.Replace(result, m => RedactGroup(m, Redacted));
                    if (result.IndexOf('@') >= 0)
                    {
                        result = UserInfo.Replace(result, ":" + Redacted + "@");
                    }
                }

                if (Has(result, "hooks.slack.com/services/"))
                {
                    result = SlackWebhook.Replace(result, Redacted);
                }

                return KnownToken.Replace(result, Redacted);
            }
            catch (RegexMatchTimeoutException)
            {
                // Text too hostile to scrub in time: nothing of it is safe to keep.
                return Redacted;
            }
        }

        // The match up to its value (group 1), then the replacement: the label stays, the value goes.
        private static string RedactGroup(Match match, string replacement) =>
            match.Value.Substring(0, match.Groups[1].Index - match.Index) + replacement;

        private static bool IsPort(string text, int start)
        {
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Has(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;

        private static bool HasAny(string text, string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
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
            int authorityStart = candidate.IndexOf("://", StringComparison.Ordinal) + 3;
            int pathStart = candidate.IndexOf('/', authorityStart);
            var authorityPart = pathStart < 0 ? candidate.Substring(authorityStart) : candidate.Substring(authorityStart, pathStart - authorityStart);
            if (candidate.IndexOfAny(new[] { '?', '#', '@' }) < 0 && (authorityPart.IndexOf(':') < 0 || IsPort(authorityPart, authorityPart.LastIndexOf(':') + 1)))
            {
                // Nothing to remove: keep the URL exactly as written (no re-escaping), so clean text stays byte-identical.
                return text;
            }

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
            else if (authority.LastIndexOf(':') is var colon && colon >= 0 && !IsPort(authority, colon + 1))
            {
                // "user:pass" cut before its '@' (a truncated text): what follows the colon is no port.
                authority = authority.Substring(0, colon);
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
