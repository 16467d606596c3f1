using System;
using System.Globalization;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>
    /// The RFC 9457 problem details an ErrorSdk HTTP server writes for a kind: the standard members <c>type</c>,
    /// <c>title</c>, <c>status</c>, <c>detail</c>, and the extension members <c>reason</c>, <c>domain</c>, <c>code</c>,
    /// <c>metadata</c>, <c>retryAfter</c> (seconds, a JSON number, only when a delay is known).
    /// </summary>
    internal static class ProblemBody
    {
        /// <summary>The media type of the body.</summary>
        public const string MediaType = "application/problem+json";

        /// <summary>A stable URI per reason: <c>https://{domain}/errors/{REASON}</c>.</summary>
        public static string TypeUri(string domain, string reason) => "https://" + domain + "/errors/" + reason;

        /// <summary>The same short summary for every occurrence of a kind: its reason in words.</summary>
        public static string Title(string reason) => Naming.Title(reason);

        /// <summary>The <c>Retry-After</c> header: delta-seconds, rounded up (the header has no fractions).</summary>
        public static string RetryAfterHeader(TimeSpan delay) =>
            ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
