using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using ErrorSdk.OpenTelemetry.Tests.Infrastructure;
using ErrorSdk.Polly;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests
{
    /// <summary>
    /// The taxonomy retry against a real Kestrel upstream: each decision (retried, gave up: budget, gave up: terminal) is
    /// counted by reason, each wait lands in the delay histogram with its source, and each decision is logged.
    /// </summary>
    [Collection(TelemetryCollection.Name)]
    public sealed class RetryTelemetryTests
    {
        private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(10);

        [Fact]
        public async Task Retry_decisions_and_delays_are_counted_by_reason_and_source()
        {
            using var capture = new TelemetryCapture();
            await using var upstream = await ErrorServer.StartAsync(capture, app =>
            {
                app.MapGet("/unavailable", () => Results.StatusCode(503));
                app.MapGet("/limited", (HttpResponse response) =>
                {
                    response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                });
                app.MapGet("/missing", () => Results.NotFound());
            });
            using var client = ErrorServer.Client(upstream);
            var pipeline = new ResiliencePipelineBuilder()
                .AddTaxonomyRetry(new TaxonomyRetryOptions
                {
                    Taxonomy = ErrorSdkTaxonomy.Instance,
                    MaxRetryAttempts = 2,
                    MaxThrottledRetryAttempts = 1,
                    BaseDelay = TimeSpan.FromMilliseconds(1),
                    MaxDelay = MaxDelay,
                    UseJitter = false,
                    LoggerFactory = capture.LoggerFactory,
                })
                .Build();

            foreach (var path in new[] { "unavailable", "limited", "missing" })
            {
                await Assert.ThrowsAnyAsync<TaxonomyException>(async () =>
                    await pipeline.ExecuteAsync(async token => (await client.GetAsync(path, token)).Dispose()));
            }

            // 503: two backoff retries, then the transient budget is spent.
            AssertDecisions("UPSTREAM_SERVER_ERROR", retried: 2, budget: 1, terminal: 0);
            // 429 with Retry-After: one retry after the server's delay (capped), then the throttled budget is spent.
            AssertDecisions("UPSTREAM_RATE_LIMIT", retried: 1, budget: 1, terminal: 0);
            // 404: never retried.
            AssertDecisions("UPSTREAM_NOT_FOUND", retried: 0, budget: 0, terminal: 1);

            var delays = capture.PointsOf(ErrorTelemetryNames.RetryDelayHistogram);
            var backoff = Assert.Single(delays, p => Equals(p.Tags[ErrorTelemetryNames.ErrorType], "UPSTREAM_SERVER_ERROR"));
            Assert.Equal("backoff", backoff.Tags[ErrorTelemetryNames.RetryDelaySource]);
            Assert.Equal(2, backoff.Point.GetHistogramCount());
            var server = Assert.Single(delays, p => Equals(p.Tags[ErrorTelemetryNames.ErrorType], "UPSTREAM_RATE_LIMIT"));
            Assert.Equal("server", server.Tags[ErrorTelemetryNames.RetryDelaySource]);
            Assert.Equal(1, server.Point.GetHistogramCount());
            Assert.Equal(MaxDelay.TotalSeconds, server.Point.GetHistogramSum(), 6);

            // Every attempt's error was received once: 3 + 2 + 1.
            Assert.Equal(3, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UPSTREAM_SERVER_ERROR"), (ErrorTelemetryNames.Direction, "received")));
            Assert.Equal(2, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UPSTREAM_RATE_LIMIT"), (ErrorTelemetryNames.Direction, "received")));
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UPSTREAM_NOT_FOUND"), (ErrorTelemetryNames.Direction, "received")));

            var logs = capture.Logs.Where(l => l.CategoryName == "ErrorSdk.Polly").ToList();
            Assert.Equal(3, logs.Count(l => l.EventId.Name == "Retrying" && l.LogLevel == LogLevel.Information));
            Assert.Equal(2, logs.Count(l => l.EventId.Name == "RetryBudgetSpent" && l.LogLevel == LogLevel.Warning));
            Assert.Equal(1, logs.Count(l => l.EventId.Name == "NotRetried" && l.LogLevel == LogLevel.Debug));
            Assert.Contains(logs, l => l.FormattedMessage == "Retrying UPSTREAM_RATE_LIMIT (Throttled) after 00:00:00.0100000 (server), attempt 0.");

            void AssertDecisions(string errorType, long retried, long budget, long terminal)
            {
                Assert.Equal(retried, capture.Count(ErrorTelemetryNames.RetryDecisionsCounter, (ErrorTelemetryNames.ErrorType, errorType), (ErrorTelemetryNames.RetryDecision, "retried")));
                Assert.Equal(budget, capture.Count(ErrorTelemetryNames.RetryDecisionsCounter, (ErrorTelemetryNames.ErrorType, errorType), (ErrorTelemetryNames.RetryDecision, "gave_up_budget")));
                Assert.Equal(terminal, capture.Count(ErrorTelemetryNames.RetryDecisionsCounter, (ErrorTelemetryNames.ErrorType, errorType), (ErrorTelemetryNames.RetryDecision, "gave_up_terminal")));
            }
        }
    }
}
