using System;

namespace ErrorSdk.Bench.Retry
{
    /// <summary>One scripted upstream behaviour.</summary>
    internal sealed record Scenario(string Name, string Path, string Expectation)
    {
        public static readonly Scenario[] All =
        {
            new("403 forbidden", "forbidden", "terminal"),
            new("404 not found", "not-found", "terminal"),
            new("400 problem+json USER_NOT_PROVISIONABLE", "provisioning", "terminal"),
            new("429 Retry-After: 1", "throttled", "throttled"),
            new("403 X-RateLimit-Remaining: 0 (GitHub-style rate limit)", "rate-limit-403", "throttled"),
            new("503 twice then 200", "flaky", "transient"),
            new("slower than the client timeout", "slow", "transient"),
            new("closed port", "closed", "transient"),
        };
    }

    /// <summary>What one client did on one scenario.</summary>
    internal sealed record ScenarioResult(string Scenario, string Client, int Requests, long WallMilliseconds, string Outcome);

    /// <summary>The settings every client shares, so only the retry decisions differ.</summary>
    internal static class BenchSettings
    {
        public const int MaxRetries = 3;

        public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

        public static readonly TimeSpan ClientTimeout = TimeSpan.FromMilliseconds(500);

        public static readonly TimeSpan SlowResponse = TimeSpan.FromSeconds(3);

        public static readonly TimeSpan ThrottleWindow = TimeSpan.FromSeconds(1);
    }
}
