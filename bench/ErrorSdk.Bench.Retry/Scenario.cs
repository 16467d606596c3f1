using System;

namespace ErrorSdk.Bench.Retry
{
    /// <summary>How the caller's code asks: a plain GET, a GET whose status it checks with EnsureSuccessStatusCode, or a GET with a bad header.</summary>
    internal enum CallShape
    {
        Plain,
        EnsureSuccess,
        NonAsciiHeader,
    }

    /// <summary>One scripted upstream behaviour, and how the caller's code calls it.</summary>
    internal sealed record Scenario(string Name, string Path, string Expectation, CallShape Shape = CallShape.Plain)
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
            new("404 thrown by EnsureSuccessStatusCode", "not-found", "terminal", CallShape.EnsureSuccess),
            new("local header error (non-ASCII value)", "ok", "terminal", CallShape.NonAsciiHeader),
            new("corrupt brotli body", "brotli", "terminal"),
        };
    }

    /// <summary>
    /// What one client did on one scenario. <paramref name="ServerNamedRetries"/> counts the requests that followed a
    /// Retry-After or rate-limit reset; <paramref name="EarlyRetries"/> those of them that arrived before the moment the
    /// server named, the earliest by <paramref name="MostEarlyMilliseconds"/>.
    /// </summary>
    internal sealed record ScenarioResult(
        string Scenario, string Client, int Requests, long WallMilliseconds, string Outcome, int ServerNamedRetries, int EarlyRetries, double MostEarlyMilliseconds);

    /// <summary>The request every client sends for a scenario.</summary>
    internal static class BenchRequest
    {
        public static System.Net.Http.HttpRequestMessage Create(Uri uri, Scenario scenario)
        {
            var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, uri);
            if (scenario.Shape == CallShape.NonAsciiHeader)
            {
                // A display name pasted into a header: SocketsHttpHandler refuses it before a byte leaves.
                request.Headers.TryAddWithoutValidation("X-Display-Name", "Zoë");
            }

            return request;
        }
    }

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
