using System;

namespace ErrorSdk
{
    /// <summary>The optional parts of a locally raised error, for <see cref="IErrorTaxonomy.Create"/>.</summary>
    public readonly struct TaxonomyExceptionOptions
    {
        /// <summary>Creates the options.</summary>
        public TaxonomyExceptionOptions(TimeSpan? retryAfter = null, string? developerMessage = null, Exception? innerException = null)
        {
            RetryAfter = retryAfter;
            DeveloperMessage = developerMessage;
            InnerException = innerException;
        }

        /// <summary>The delay the caller should wait before retrying, when known.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>Developer detail; sanitized, local only unless the sender opts in.</summary>
        public string? DeveloperMessage { get; }

        /// <summary>The exception that caused this one.</summary>
        public Exception? InnerException { get; }
    }
}
