namespace ErrorSdk
{
    /// <summary>How a caller may retry an error kind. Declared per kind in the taxonomy.</summary>
    public enum RetryPolicy
    {
        /// <summary>Terminal: retrying the same call cannot succeed.</summary>
        Never = 0,

        /// <summary>Retry with exponential backoff and jitter.</summary>
        Transient = 1,

        /// <summary>Wait the server's delay (RetryInfo / Retry-After), else back off, then retry.</summary>
        Throttled = 2,

        /// <summary>Refresh credentials, then retry once.</summary>
        Reauthenticate = 3,
    }
}
