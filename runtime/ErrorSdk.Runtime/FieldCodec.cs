using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using ErrorSdk.Safety;

namespace ErrorSdk
{
    /// <summary>
    /// The one place that turns typed field values into ErrorInfo metadata strings and back. Generated code uses it
    /// for metadata, message rendering and promotion, so every path formats a value the same way.
    /// Parsing never throws: an absent or unparsable value reads as null. Plumbing for generated code, hidden from
    /// IntelliSense; a URI is sanitized with <see cref="UriSanitizer.Sanitize(Uri)"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FieldCodec
    {
        /// <summary>An int in invariant decimal.</summary>
        public static string FormatInt32(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary><c>true</c> or <c>false</c>.</summary>
        public static string FormatBool(bool value) => value ? "true" : "false";

        /// <summary>A duration as protobuf JSON text: seconds with up to nine fractional digits and an <c>s</c> (<c>1.5s</c>).</summary>
        public static string FormatDuration(TimeSpan value)
        {
            long ticks = value.Ticks;
            bool negative = ticks < 0;
            // TimeSpan.MinValue has no positive counterpart; work on the unsigned magnitude.
            ulong magnitude = negative ? (ulong)(-(ticks + 1)) + 1UL : (ulong)ticks;
            ulong seconds = magnitude / TimeSpan.TicksPerSecond;
            ulong nanos = (magnitude % TimeSpan.TicksPerSecond) * 100UL;
            var text = (negative ? "-" : string.Empty) + seconds.ToString(CultureInfo.InvariantCulture);
            if (nanos != 0)
            {
                text += "." + nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
            }

            return text + "s";
        }

        /// <summary>A URI sanitized to scheme://host[:port]/path: no userinfo, query or fragment.</summary>
        public static string FormatUri(Uri value) => UriSanitizer.SanitizeToString(value);

        /// <summary>Parses invariant decimal; null when absent or unparsable.</summary>
        public static int? ParseInt32(string? text) =>
            text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

        /// <summary>Parses <c>true</c>/<c>false</c> (any case); null when absent or unparsable.</summary>
        public static bool? ParseBool(string? text) =>
            text is not null && bool.TryParse(text, out var value) ? value : null;

        /// <summary>Parses protobuf JSON duration text (<c>-?\d+(\.\d{1,9})?s</c>); null when absent, unparsable or out of range.</summary>
        public static TimeSpan? ParseDuration(string? text)
        {
            if (text is null || text.Length < 2 || text.Length > 40 || text[text.Length - 1] != 's')
            {
                return null;
            }

            int i = 0;
            bool negative = text[0] == '-';
            if (negative)
            {
                i = 1;
            }

            int end = text.Length - 1;
            int dot = text.IndexOf('.', i);
            int secondsEnd = dot < 0 ? end : dot;
            if (secondsEnd == i || !AllDigits(text, i, secondsEnd) ||
                !long.TryParse(text.Substring(i, secondsEnd - i), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return null;
            }

            long nanos = 0;
            if (dot >= 0)
            {
                int fraction = end - dot - 1;
                if (fraction < 1 || fraction > 9 || !AllDigits(text, dot + 1, end))
                {
                    return null;
                }

                nanos = long.Parse(text.Substring(dot + 1, fraction).PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
            }

            // Work on the unsigned magnitude so TimeSpan.MinValue (one tick beyond -MaxValue) reads back too.
            const ulong maxMagnitude = (ulong)long.MaxValue + 1UL;
            if ((ulong)seconds > maxMagnitude / TimeSpan.TicksPerSecond)
            {
                return null;
            }

            ulong magnitude = ((ulong)seconds * TimeSpan.TicksPerSecond) + (ulong)(nanos / 100);
            if (magnitude > (negative ? maxMagnitude : (ulong)long.MaxValue))
            {
                return null;
            }

            return TimeSpan.FromTicks(negative ? (long)(0UL - magnitude) : (long)magnitude);
        }

        /// <summary>
        /// Parses a URI and sanitizes it; null when absent or unparsable. Text that starts with a scheme
        /// (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"</c>, RFC 3986) is an absolute URI; anything else is a
        /// well-formed relative reference, as <see cref="FormatUri"/> wrote it (so <c>/a/b</c> stays <c>/a/b</c> rather than
        /// becoming <c>file:///a/b</c>, as .NET on Unix would read it); text that is neither is unparsable.
        /// </summary>
        public static Uri? ParseUri(string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (HasScheme(text))
            {
                return Uri.TryCreate(text, UriKind.Absolute, out var absolute) ? UriSanitizer.Sanitize(absolute) : null;
            }

            // The query and fragment go first (they never survive sanitizing); what is left must be a well-formed path.
            var path = UriSanitizer.StripRelative(text);
            return Uri.IsWellFormedUriString(path, UriKind.Relative) && Uri.TryCreate(path, UriKind.Relative, out var relative)
                ? relative
                : null;
        }

        private static bool HasScheme(string text)
        {
            if (text.Length == 0 || !IsAsciiLetter(text[0]))
            {
                return false;
            }

            for (int i = 1; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ':')
                {
                    return true;
                }

                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /// <summary>The value of <paramref name="key"/>, or null.</summary>
        public static string? ReadString(IReadOnlyDictionary<string, string>? metadata, string key) =>
            metadata is not null && metadata.TryGetValue(key, out var value) ? value : null;

        /// <summary>The int value of <paramref name="key"/>, or null when absent or unparsable.</summary>
        public static int? ReadInt32(IReadOnlyDictionary<string, string>? metadata, string key) => ParseInt32(ReadString(metadata, key));

        /// <summary>The bool value of <paramref name="key"/>, or null when absent or unparsable.</summary>
        public static bool? ReadBool(IReadOnlyDictionary<string, string>? metadata, string key) => ParseBool(ReadString(metadata, key));

        /// <summary>The duration value of <paramref name="key"/>, or null when absent or unparsable.</summary>
        public static TimeSpan? ReadDuration(IReadOnlyDictionary<string, string>? metadata, string key) => ParseDuration(ReadString(metadata, key));

        /// <summary>The sanitized URI value of <paramref name="key"/>, or null when absent or unparsable.</summary>
        public static Uri? ReadUri(IReadOnlyDictionary<string, string>? metadata, string key) => ParseUri(ReadString(metadata, key));

        private static bool AllDigits(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
