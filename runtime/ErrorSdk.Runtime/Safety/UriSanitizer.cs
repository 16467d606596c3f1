using System;

namespace ErrorSdk.Safety
{
    /// <summary>Reduces a URI to scheme://host[:port]/path: userinfo, query and fragment never leave it.</summary>
    public static class UriSanitizer
    {
        /// <summary>The sanitized URI: the one way to sanitize a URI. A relative URI keeps only its path.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="uri"/> is null.</exception>
        public static Uri Sanitize(Uri uri)
        {
            if (uri is null)
            {
                throw new ArgumentNullException(nameof(uri));
            }

            return new Uri(SanitizeToString(uri), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
        }

        /// <summary>The sanitized URI as text.</summary>
        internal static string SanitizeToString(Uri uri)
        {
            if (uri is null)
            {
                throw new ArgumentNullException(nameof(uri));
            }

            if (uri.IsAbsoluteUri)
            {
                return uri.GetComponents(
                    UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path,
                    UriFormat.UriEscaped);
            }

            return StripRelative(uri.OriginalString);
        }

        /// <summary>A relative reference's text without query, fragment and userinfo.</summary>
        internal static string StripRelative(string text)
        {
            int cut = text.IndexOfAny(new[] { '?', '#' });
            var path = cut < 0 ? text : text.Substring(0, cut);
            // A relative reference that still names an authority ("//user:pw@host/x") loses the userinfo too.
            int at = path.IndexOf('@');
            if (path.StartsWith("//", StringComparison.Ordinal) && at > 0)
            {
                path = "//" + path.Substring(at + 1);
            }

            return path;
        }
    }
}
