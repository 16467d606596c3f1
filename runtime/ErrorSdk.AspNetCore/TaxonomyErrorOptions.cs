using System;
using Microsoft.AspNetCore.Http;

namespace ErrorSdk.AspNetCore
{
    /// <summary>How <see cref="TaxonomyExceptionHandler"/> answers errors.</summary>
    public sealed class TaxonomyErrorOptions
    {
        /// <summary>
        /// Whether the sanitized developer message travels (problem member <c>developerMessage</c>, gRPC
        /// <c>DebugInfo</c>). Off by default: turn it on only for trusted callers (e.g. in Development).
        /// </summary>
        public bool IncludeDeveloperMessage { get; set; }

        /// <summary>
        /// The reason of the kind that exceptions outside the taxonomy become. Null (the default): the kind whose
        /// reason is <c>INTERNAL</c>, else the taxonomy's fallback kind for the INTERNAL code.
        /// </summary>
        public string? InternalReason { get; set; }

        /// <summary>
        /// The base of the problem <c>type</c> URIs; the reason is appended. Null (the default):
        /// <c>https://{domain}/errors/</c>.
        /// </summary>
        public string? TypeUriBase { get; set; }

        /// <summary>
        /// Maps exceptions of the host's own (outside the taxonomy) to typed errors before they fall back to the
        /// internal kind; return null to leave one unmapped.
        /// </summary>
        public Func<Exception, HttpContext, TaxonomyException?>? MapException { get; set; }
    }
}
