using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ErrorSdk.Http
{
    /// <summary>
    /// Reads the retry delay a server gave in an HTTP response, and never invents one: no header, no delay.
    /// <list type="bullet">
    /// <item><c>Retry-After</c> (any status): delta-seconds, or an HTTP-date measured against the response's
    /// <c>Date</c> header (else the local clock), so clock skew between the two machines does not matter.</item>
    /// <item><c>RateLimit-Reset</c>, then <c>X-RateLimit-Reset</c>, only on a 429 or when the matching
    /// <c>*-Remaining</c> header says 0 (some APIs send the reset on every response): a value below
    /// <see cref="EpochSecondsThreshold"/> is delta-seconds, a larger one a Unix time in seconds, and one from
    /// <see cref="EpochMillisecondsThreshold"/> on a Unix time in milliseconds.</item>
    /// </list>
    /// A moment in the past reads as zero (retry now). A delay over <see cref="Ceiling"/> is clamped to it: such
    /// values are misread epochs or hours-long hints that would look like a hang, and a retry strategy caps the
    /// wait further (<c>MaxDelay</c>).
    /// </summary>
    public static class HttpRetryDelay
    {
        /// <summary>The largest delay this reader reports: 24 hours.</summary>
        public static readonly TimeSpan Ceiling = TimeSpan.FromHours(24);

        /// <summary>A reset value from here on is a Unix time in seconds (2001-09-09), not a delta (31 years).</summary>
        public const double EpochSecondsThreshold = 1_000_000_000d;

        /// <summary>A reset value from here on is a Unix time in milliseconds (a seconds value this big is year 5138).</summary>
        public const double EpochMillisecondsThreshold = 100_000_000_000d;

        private static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>The delay <paramref name="response"/> asks for, or null when it gives none (or none that parses).</summary>
        public static TimeSpan? FromResponse(HttpResponseMessage response, DateTimeOffset now)
        {
            if (response is null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            var headers = response.Headers;
            var reference = ReferenceTime(headers.Date, now);
            if (First(headers, "Retry-After") is { } retryAfter)
            {
                return ParseRetryAfter(retryAfter, reference);
            }

            bool throttled = (int)response.StatusCode == 429;
            foreach (var prefix in new[] { "RateLimit", "X-RateLimit" })
            {
                if (First(headers, prefix + "-Reset") is { } reset &&
                    (throttled || IsZero(First(headers, prefix + "-Remaining"))))
                {
                    // An epoch reset is a moment on the server's clock, like Retry-After's HTTP-date.
                    return ParseRateLimitReset(reset, reference);
                }
            }

            return null;
        }

        /// <summary>
        /// The "now" a server's moment (an HTTP-date, a Unix time) is measured from: the local clock, unless the
        /// response's <c>Date</c> disagrees with it by more than <see cref="ClockSkewTolerance"/>; then the server's
        /// <c>Date</c>, so a skewed clock on either side does not shift the delay. Within the tolerance the local clock
        /// is the more precise one: <c>Date</c> has one-second resolution and servers cache it for up to a second.
        /// </summary>
        internal static DateTimeOffset ReferenceTime(DateTimeOffset? date, DateTimeOffset now) =>
            date is { } serverNow && (serverNow - now).Duration() > ClockSkewTolerance ? serverNow : now;

        /// <summary>How far the response's <c>Date</c> may be from the local clock before it is taken as the reference (5 s).</summary>
        public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Whether <paramref name="response"/> says it is a rate limit whatever its status: a <c>Retry-After</c> that
        /// parses, or <c>RateLimit-Remaining: 0</c> / <c>X-RateLimit-Remaining: 0</c>. GitHub answers its primary rate
        /// limit with 403 and <c>X-RateLimit-Remaining: 0</c>, its secondary limits with 403 and <c>Retry-After</c>.
        /// </summary>
        internal static bool HasRateLimitSignal(HttpResponseMessage response)
        {
            var headers = response.Headers;
            var reference = ReferenceTime(headers.Date, DateTimeOffset.UtcNow);
            return ParseRetryAfter(First(headers, "Retry-After"), reference) is not null ||
                   IsZero(First(headers, "RateLimit-Remaining")) ||
                   IsZero(First(headers, "X-RateLimit-Remaining"));
        }

        /// <summary>Parses a <c>Retry-After</c> value: delta-seconds or an HTTP-date (relative to <paramref name="now"/>).</summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            {
                return Clamp(seconds);
            }

            if (RetryConditionHeaderValue.TryParse(text, out var parsed) && parsed.Date is { } date)
            {
                return Clamp((date - now).TotalSeconds);
            }

            return null;
        }

        /// <summary>Parses a <c>RateLimit-Reset</c>/<c>X-RateLimit-Reset</c> value: delta-seconds or a Unix time, by magnitude.</summary>
        public static TimeSpan? ParseRateLimitReset(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value) ||
                !double.TryParse(value!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) ||
                double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            if (number >= EpochMillisecondsThreshold)
            {
                return Clamp((UnixEpoch.AddMilliseconds(Math.Min(number, 253_402_300_799_000d)) - now).TotalSeconds);
            }

            if (number >= EpochSecondsThreshold)
            {
                return Clamp((UnixEpoch.AddSeconds(number) - now).TotalSeconds);
            }

            return Clamp(number);
        }

        private static TimeSpan Clamp(double seconds)
        {
            if (seconds <= 0)
            {
                return TimeSpan.Zero;
            }

            return seconds >= Ceiling.TotalSeconds ? Ceiling : TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        private static string? First(HttpHeaders headers, string name) =>
            headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

        private static bool IsZero(string? value) =>
            value is not null && double.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n) && n == 0;
    }
}
