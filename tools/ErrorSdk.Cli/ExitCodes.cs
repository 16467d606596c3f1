namespace ErrorSdk.Cli
{
    /// <summary>The exit codes of every <c>errorsdk</c> command.</summary>
    public static class ExitCodes
    {
        /// <summary>The command did what was asked and found nothing wrong.</summary>
        public const int Success = 0;

        /// <summary>The taxonomy has errors, or <c>diff</c> found a breaking change the version bump does not allow.</summary>
        public const int Failure = 1;

        /// <summary>The command could not run: bad arguments, or a file that cannot be read or written.</summary>
        public const int UsageError = 2;
    }
}
