using System.Collections.Generic;

namespace ErrorSdk.Http
{
    /// <summary>
    /// Standard reason phrases (RFC 9110 and friends). The adapter never uses the phrase a server sent: it is
    /// untrusted text and would reach the agent-facing message.
    /// </summary>
    internal static class HttpStatusPhrases
    {
        private static readonly Dictionary<int, string> Phrases = new Dictionary<int, string>
        {
            [300] = "Multiple Choices", [301] = "Moved Permanently", [302] = "Found", [303] = "See Other",
            [304] = "Not Modified", [307] = "Temporary Redirect", [308] = "Permanent Redirect",
            [400] = "Bad Request", [401] = "Unauthorized", [402] = "Payment Required", [403] = "Forbidden",
            [404] = "Not Found", [405] = "Method Not Allowed", [406] = "Not Acceptable",
            [407] = "Proxy Authentication Required", [408] = "Request Timeout", [409] = "Conflict", [410] = "Gone",
            [411] = "Length Required", [412] = "Precondition Failed", [413] = "Content Too Large",
            [414] = "URI Too Long", [415] = "Unsupported Media Type", [416] = "Range Not Satisfiable",
            [417] = "Expectation Failed", [421] = "Misdirected Request", [422] = "Unprocessable Content",
            [423] = "Locked", [424] = "Failed Dependency", [425] = "Too Early", [426] = "Upgrade Required",
            [428] = "Precondition Required", [429] = "Too Many Requests", [431] = "Request Header Fields Too Large",
            [451] = "Unavailable For Legal Reasons", [500] = "Internal Server Error", [501] = "Not Implemented",
            [502] = "Bad Gateway", [503] = "Service Unavailable", [504] = "Gateway Timeout",
            [505] = "HTTP Version Not Supported", [506] = "Variant Also Negotiates", [507] = "Insufficient Storage",
            [508] = "Loop Detected", [510] = "Not Extended", [511] = "Network Authentication Required",
        };

        /// <summary>The standard phrase, or <c>HTTP nnn</c> for a status without one.</summary>
        public static string Of(int status) =>
            Phrases.TryGetValue(status, out var phrase) ? phrase : "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary><c>client</c> for 4xx, <c>server</c> for 5xx, <c>redirect</c> for 3xx, else <c>other</c>.</summary>
        public static string ClassOf(int status) => status switch
        {
            >= 400 and <= 499 => "client",
            >= 500 and <= 599 => "server",
            >= 300 and <= 399 => "redirect",
            _ => "other",
        };

        /// <summary>
        /// The gRPC code of a response with no error body (gRPC's http-grpc-status-mapping, as Connect uses it).
        /// It is not the inverse of the code→HTTP table.
        /// </summary>
        public static Google.Rpc.Code CodeOfBareStatus(int status) => status switch
        {
            400 => Google.Rpc.Code.Internal,
            401 => Google.Rpc.Code.Unauthenticated,
            403 => Google.Rpc.Code.PermissionDenied,
            404 => Google.Rpc.Code.Unimplemented,
            429 or 502 or 503 or 504 => Google.Rpc.Code.Unavailable,
            _ => Google.Rpc.Code.Unknown,
        };

        /// <summary>
        /// The code a problem body of the taxonomy's own domain most likely travelled with, for a body that names an
        /// unknown reason and no code: the inverse of the code→HTTP table, picking the terminal code on ties.
        /// </summary>
        public static Google.Rpc.Code CodeOfProblemStatus(int status) => status switch
        {
            400 => Google.Rpc.Code.InvalidArgument,
            401 => Google.Rpc.Code.Unauthenticated,
            403 => Google.Rpc.Code.PermissionDenied,
            404 => Google.Rpc.Code.NotFound,
            409 => Google.Rpc.Code.Aborted,
            429 => Google.Rpc.Code.ResourceExhausted,
            499 => Google.Rpc.Code.Cancelled,
            501 => Google.Rpc.Code.Unimplemented,
            503 => Google.Rpc.Code.Unavailable,
            504 => Google.Rpc.Code.DeadlineExceeded,
            >= 400 and <= 499 => Google.Rpc.Code.FailedPrecondition,
            >= 500 and <= 599 => Google.Rpc.Code.Internal,
            _ => Google.Rpc.Code.Unknown,
        };
    }
}
