using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>Assertions whose failure message says which kind, value and path broke the property.</summary>
    internal static class Expect
    {
        public static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                throw new XunitException(what + ": expected " + Show(expected) + ", got " + Show(actual));
            }
        }

        public static void True(bool condition, string what)
        {
            if (!condition)
            {
                throw new XunitException(what);
            }
        }

        /// <summary>Field property values: a uri compares by its absolute form, everything else by Equals.</summary>
        public static void SameValue(object? expected, object? actual, string what)
        {
            bool same = expected is Uri e && actual is Uri a ? SameUri(e, a) : Equals(expected, actual);
            if (!same)
            {
                throw new XunitException(what + ": expected " + Show(expected) + ", got " + Show(actual));
            }
        }

        public static void SameMetadata(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, string what)
        {
            var missing = expected.Where(p => !actual.TryGetValue(p.Key, out var v) || v != p.Value).ToList();
            var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                throw new XunitException(
                    what + ": metadata differs; expected " + Show(expected) + ", got " + Show(actual));
            }
        }

        public static string Show(object? value) => value switch
        {
            null => "null",
            string s => "\"" + Escape(s) + "\"",
            Uri u => "<" + u.OriginalString + ">",
            IReadOnlyDictionary<string, string> d => "{" + string.Join(", ", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Show(p.Value))) + "}",
            TimeSpan t => t.Ticks + " ticks",
            _ => value.ToString() ?? string.Empty,
        };

        /// <summary>Absolute URIs compare by their absolute form, relative ones by their text; never one with the other.</summary>
        private static bool SameUri(Uri expected, Uri actual) =>
            expected.IsAbsoluteUri == actual.IsAbsoluteUri &&
            (expected.IsAbsoluteUri ? expected.AbsoluteUri == actual.AbsoluteUri : expected.OriginalString == actual.OriginalString);

        private static string Escape(string s) =>
            string.Concat(s.Select(c => c < 0x20 || c == 0x7F ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
    }
}
