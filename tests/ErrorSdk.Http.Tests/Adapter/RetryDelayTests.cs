using System;
using System.Net;
using System.Net.Http;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>Retry-After and rate-limit reset headers: read exactly what the server said, never more.</summary>
    public sealed class RetryDelayTests
    {
        private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("0", 0)]
        [InlineData("1", 1)]
        [InlineData(" 120 ", 120)]
        public void RetryAfter_DeltaSeconds(string value, int seconds) =>
            Assert.Equal(TimeSpan.FromSeconds(seconds), HttpRetryDelay.ParseRetryAfter(value, Now));

        [Fact]
        public void RetryAfter_HttpDate_IsRelativeToNow() =>
            Assert.Equal(TimeSpan.FromSeconds(30), HttpRetryDelay.ParseRetryAfter(Now.AddSeconds(30).ToString("r"), Now));

        [Fact]
        public void RetryAfter_DateInThePast_IsZero() =>
            Assert.Equal(TimeSpan.Zero, HttpRetryDelay.ParseRetryAfter(Now.AddMinutes(-5).ToString("r"), Now));

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("-5")]
        [InlineData("soon")]
        [InlineData("1.5")]
        public void RetryAfter_Unparsable_IsNoDelay(string? value) => Assert.Null(HttpRetryDelay.ParseRetryAfter(value, Now));

        [Fact]
        public void RetryAfter_Absurd_IsClampedToTheCeiling() =>
            Assert.Equal(HttpRetryDelay.Ceiling, HttpRetryDelay.ParseRetryAfter("410400", Now));

        [Fact]
        public void RateLimitReset_SmallValue_IsDeltaSeconds() =>
            Assert.Equal(TimeSpan.FromSeconds(42), HttpRetryDelay.ParseRateLimitReset("42", Now));

        [Fact]
        public void RateLimitReset_EpochSeconds_IsAMoment() =>
            Assert.Equal(TimeSpan.FromSeconds(60), HttpRetryDelay.ParseRateLimitReset(Now.AddSeconds(60).ToUnixTimeSeconds().ToString(), Now));

        [Fact]
        public void RateLimitReset_EpochMilliseconds_IsAMoment() =>
            Assert.Equal(TimeSpan.FromSeconds(5), HttpRetryDelay.ParseRateLimitReset(Now.AddSeconds(5).ToUnixTimeMilliseconds().ToString(), Now));

        [Fact]
        public void RateLimitReset_EpochInThePast_IsZero() =>
            Assert.Equal(TimeSpan.Zero, HttpRetryDelay.ParseRateLimitReset(Now.AddSeconds(-60).ToUnixTimeSeconds().ToString(), Now));

        [Fact]
        public void RateLimitReset_OnANonThrottledResponseWithQuotaLeft_IsIgnored()
        {
            using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "30");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "4999");

            Assert.Null(HttpRetryDelay.FromResponse(response, Now));
        }

        [Fact]
        public void RateLimitReset_WhenTheQuotaIsSpent_IsRead()
        {
            using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "30");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");

            Assert.Equal(TimeSpan.FromSeconds(30), HttpRetryDelay.FromResponse(response, Now));
        }

        [Fact]
        public void RateLimitReset_Epoch_IsMeasuredFromTheServersDate()
        {
            // The server's clock is 10 minutes behind ours; its reset is 60 s after its own Date.
            var serverNow = Now.AddMinutes(-10);
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            response.Headers.Date = serverNow;
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", serverNow.AddSeconds(60).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(TimeSpan.FromSeconds(60), HttpRetryDelay.FromResponse(response, Now));

            response.Headers.Date = null;
            Assert.Equal(TimeSpan.Zero, HttpRetryDelay.FromResponse(response, Now));
        }

        [Fact]
        public void A_Date_within_the_skew_tolerance_leaves_the_more_precise_local_clock_in_charge()
        {
            // Date is 3 s behind (one-second resolution, cached by the server): the local clock measures the reset.
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            response.Headers.Date = Now.AddSeconds(-3);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", Now.AddSeconds(20).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.FromSeconds(20), HttpRetryDelay.FromResponse(response, Now));

            response.Headers.Remove("X-RateLimit-Reset");
            response.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(20).ToString("r"));
            Assert.Equal(TimeSpan.FromSeconds(20), HttpRetryDelay.FromResponse(response, Now));

            response.Headers.Date = Now.AddSeconds(-6);
            Assert.Equal(TimeSpan.FromSeconds(26), HttpRetryDelay.FromResponse(response, Now));
        }

        [Fact]
        public void RetryAfter_WinsOverRateLimitReset()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("Retry-After", "3");
            response.Headers.TryAddWithoutValidation("RateLimit-Reset", "30");

            Assert.Equal(TimeSpan.FromSeconds(3), HttpRetryDelay.FromResponse(response, Now));
        }
    }
}
