using System;

namespace ErrorSdk.Wire
{
    /// <summary>Cuts received text at a limit and marks the cut, the one way every wire reader does it.</summary>
    internal static class LimitedText
    {
        /// <summary>How much of a raw value a problem record quotes.</summary>
        public const int ExcerptLength = 256;

        /// <summary>
        /// <paramref name="text"/> when it fits in <paramref name="max"/> characters; else its start and
        /// <see cref="WireLimits.TruncationMarker"/>, <paramref name="max"/> characters in all, never splitting a surrogate pair.
        /// </summary>
        public static string Cut(string text, int max, out bool cut)
        {
            if (text.Length <= max)
            {
                cut = false;
                return text;
            }

            cut = true;
            return Mark(text, max);
        }

        /// <summary>
        /// The start of <paramref name="text"/> and the marker, at most <paramref name="max"/> characters: for text that
        /// is known to go on past what was read.
        /// </summary>
        public static string Mark(string text, int max)
        {
            int keep = Math.Min(text.Length, Math.Max(0, max - WireLimits.TruncationMarker.Length));
            if (keep > 0 && keep < text.Length && char.IsHighSurrogate(text[keep - 1]))
            {
                keep--;
            }

            return text.Substring(0, keep) + WireLimits.TruncationMarker;
        }

        /// <summary>The text cut at <paramref name="max"/>, when only the result matters.</summary>
        public static string Cut(string text, int max) => Cut(text, max, out _);

        /// <summary>A short quote of a raw value for a problem record.</summary>
        public static string Excerpt(string? raw) => raw is null ? string.Empty : Cut(raw, ExcerptLength);
    }
}
