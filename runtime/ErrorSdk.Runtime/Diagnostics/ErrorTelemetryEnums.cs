namespace ErrorSdk.Diagnostics
{
    /// <summary>The transport an error was raised or received over: it decides which protocol attribute the span gets.</summary>
    public enum ErrorTransport
    {
        /// <summary>Not known (e.g. <see cref="TaxonomyException.ToStatus()"/> or <c>Promote</c> called directly): no protocol attribute.</summary>
        Unspecified = 0,

        /// <summary>HTTP: a raised error sets <c>http.response.status_code</c> when the span has none.</summary>
        Http = 1,

        /// <summary>gRPC: a raised error sets <c>rpc.grpc.status_code</c> when the span has none.</summary>
        Grpc = 2,
    }

    /// <summary>What a retry layer did about a failed attempt (the <c>errorsdk.retry.decision</c> attribute).</summary>
    public enum RetryDecision
    {
        /// <summary>The attempt is retried (<c>retried</c>).</summary>
        Retried = 0,

        /// <summary>Not retried because the error's policy forbids it for this call (<c>gave_up_terminal</c>): a <c>never</c> kind, a transient error of a non-idempotent call, a reauthenticate kind with no credential refresh.</summary>
        GaveUpTerminal = 1,

        /// <summary>Not retried because the policy's retry budget is spent (<c>gave_up_budget</c>).</summary>
        GaveUpBudget = 2,
    }

    /// <summary>Where a retry delay came from (the <c>errorsdk.retry.delay_source</c> attribute).</summary>
    public enum RetryDelaySource
    {
        /// <summary>The retry layer's exponential backoff (<c>backoff</c>).</summary>
        Backoff = 0,

        /// <summary>The server's delay: google.rpc.RetryInfo or an HTTP <c>Retry-After</c> (<c>server</c>).</summary>
        Server = 1,

        /// <summary>No wait: a reauthenticate kind retries at once after the credential refresh (<c>none</c>).</summary>
        None = 2,
    }
}
