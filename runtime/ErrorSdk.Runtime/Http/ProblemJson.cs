namespace ErrorSdk.Http
{
    /// <summary>
    /// The RFC 9457 problem details contract that ErrorSdk servers write and the HTTP adapter reads: the standard
    /// members plus the taxonomy's extension members.
    /// </summary>
    public static class ProblemJson
    {
        /// <summary>The media type of a problem details body.</summary>
        public const string MediaType = "application/problem+json";

        /// <summary>Standard member: a stable URI per reason.</summary>
        public const string Type = "type";

        /// <summary>Standard member: a short summary of the kind (the same for every occurrence).</summary>
        public const string Title = "title";

        /// <summary>Standard member: the HTTP status.</summary>
        public const string Status = "status";

        /// <summary>Standard member: the agent-facing message of this occurrence.</summary>
        public const string Detail = "detail";

        /// <summary>Extension member: the ErrorInfo reason.</summary>
        public const string Reason = "reason";

        /// <summary>Extension member: the ErrorInfo domain.</summary>
        public const string Domain = "domain";

        /// <summary>Extension member: the canonical gRPC code name (<c>FAILED_PRECONDITION</c>), so an unknown reason still classifies by its code.</summary>
        public const string Code = "code";

        /// <summary>Extension member: the ErrorInfo metadata, an object of strings.</summary>
        public const string Metadata = "metadata";

        /// <summary>Extension member: the retry delay in seconds (a JSON number), when one is known.</summary>
        public const string RetryAfter = "retryAfter";

        /// <summary>Extension member: the sanitized developer message, only when the server opted in to send it.</summary>
        public const string DeveloperMessage = "developerMessage";

        /// <summary>Extension member: the trace identifier of the failed request.</summary>
        public const string TraceId = "traceId";
    }
}
