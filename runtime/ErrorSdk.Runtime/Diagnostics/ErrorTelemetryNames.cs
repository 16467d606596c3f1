namespace ErrorSdk.Diagnostics
{
    /// <summary>
    /// The names ErrorSdk's telemetry uses: the <see cref="System.Diagnostics.ActivitySource"/> and
    /// <see cref="System.Diagnostics.Metrics.Meter"/> name, the instruments and the attributes (OpenTelemetry semantic
    /// conventions where they name one: <c>error.type</c>, <c>rpc.grpc.status_code</c>, <c>http.response.status_code</c>,
    /// <c>exception.*</c>). docs/observability.md describes each.
    /// </summary>
    public static class ErrorTelemetryNames
    {
        /// <summary>The name of ErrorSdk's ActivitySource and Meter: <c>ErrorSdk</c>.</summary>
        public const string SourceName = "ErrorSdk";

        /// <summary>Counter of typed errors raised outward or received (<c>{error}</c>).</summary>
        public const string ErrorsCounter = "errorsdk.errors";

        /// <summary>Counter of retry decisions (<c>{decision}</c>).</summary>
        public const string RetryDecisionsCounter = "errorsdk.retry.decisions";

        /// <summary>Histogram of the delays waited before a retry, in seconds.</summary>
        public const string RetryDelayHistogram = "errorsdk.retry.delay";

        /// <summary>The error's reason in the taxonomy; <see cref="OtherErrorType"/> for an error no kind of the taxonomy classifies.</summary>
        public const string ErrorType = "error.type";

        /// <summary>The value of <see cref="ErrorType"/> (and of <see cref="ErrorCode"/>) for anything outside the known set, as the semantic conventions say.</summary>
        public const string OtherErrorType = "_OTHER";

        /// <summary>The gRPC code name of the error, e.g. <c>RESOURCE_EXHAUSTED</c>.</summary>
        public const string ErrorCode = "errorsdk.error.code";

        /// <summary>The error's retry policy: <c>never</c>, <c>transient</c>, <c>throttled</c>, <c>reauthenticate</c>.</summary>
        public const string RetryPolicy = "errorsdk.error.retry_policy";

        /// <summary>Whether the error was <c>raised</c> outward or <c>received</c>.</summary>
        public const string Direction = "errorsdk.error.direction";

        /// <summary>What the retry layer decided: <c>retried</c>, <c>gave_up_terminal</c>, <c>gave_up_budget</c>.</summary>
        public const string RetryDecision = "errorsdk.retry.decision";

        /// <summary>Where a retry delay came from: <c>server</c>, <c>backoff</c>, <c>none</c>.</summary>
        public const string RetryDelaySource = "errorsdk.retry.delay_source";

        /// <summary>The semantic-convention gRPC status code attribute (an integer).</summary>
        public const string GrpcStatusCode = "rpc.grpc.status_code";

        /// <summary>The semantic-convention HTTP response status code attribute (an integer).</summary>
        public const string HttpResponseStatusCode = "http.response.status_code";

        /// <summary>The span event of an error, as the semantic conventions name it.</summary>
        public const string ExceptionEvent = "exception";

        /// <summary>The exception's CLR type name.</summary>
        public const string ExceptionType = "exception.type";

        /// <summary>The exception's outward-safe message (<see cref="TaxonomyException.OutwardMessage"/>).</summary>
        public const string ExceptionMessage = "exception.message";
    }
}
