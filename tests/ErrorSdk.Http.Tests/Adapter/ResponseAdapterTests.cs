using System;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Http.Tests.Adapter
{
    /// <summary>The upstream answered: one test per response row of docs/http-adapter.md.</summary>
    public sealed class ResponseAdapterTests : IClassFixture<UpstreamFixture>
    {
        private readonly UpstreamFixture _upstream;

        public ResponseAdapterTests(UpstreamFixture upstream) => _upstream = upstream;

        [Fact]
        public async Task NotFound_IsUpstreamNotFound_WithStatusFieldsAndSanitizedEndpoint()
        {
            var error = await SendAsync("status/404?token=secret-value");

            Assert.Equal("UPSTREAM_NOT_FOUND", error.Reason);
            Assert.False(error.IsRetryable);
            Assert.Equal("Upstream HTTP request failed (Not Found, client error).", error.Message);
            Assert.Equal("404", error.Metadata["statusCode"]);
            Assert.Equal("Not Found", error.Metadata["statusPhrase"]);
            Assert.Equal("client", error.Metadata["statusClass"]);
            Assert.Equal(_upstream.At("status/404").ToString(), error.Metadata["endpoint"]);
            Assert.DoesNotContain("secret-value", error.DeveloperMessage);
            Assert.Null(error.RetryAfter);
        }

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task UnauthorizedAndForbidden_AreUpstreamAuth_NotRetried(int status)
        {
            var error = await SendAsync("status/" + status);

            Assert.Equal("UPSTREAM_AUTH", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
        }

        [Fact]
        public async Task Forbidden_WithXRateLimitRemainingZero_IsTheRateLimitKind_WithTheResetAsDelay()
        {
            // GitHub's primary rate limit: 403, X-RateLimit-Remaining: 0, X-RateLimit-Reset: <epoch seconds>.
            long reset = DateTimeOffset.UtcNow.AddSeconds(120).ToUnixTimeSeconds();

            var error = await SendAsync("status/403?xremaining=0&xreset=" + reset);

            var typed = Assert.IsType<ErrorSdk.Taxonomy.UpstreamRateLimitException>(error);
            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Equal(RetryPolicy.Throttled, error.Retry);
            Assert.Equal(403, typed.StatusCode);
            Assert.Equal("403", error.Metadata["statusCode"]);
            Assert.Equal("Forbidden", error.Metadata["statusPhrase"]);
            Assert.Equal("client", error.Metadata["statusClass"]);
            Assert.NotNull(error.RetryAfter);
            Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(121));
        }

        [Fact]
        public async Task Forbidden_WithRetryAfter_IsTheRateLimitKind_WithThatDelay()
        {
            // GitHub's secondary rate limits: 403 with Retry-After.
            var error = await SendAsync("status/403?retryAfter=7");

            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Equal(RetryPolicy.Throttled, error.Retry);
            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
            Assert.Equal("403", error.Metadata["statusCode"]);
            Assert.Equal("Forbidden", error.Metadata["statusPhrase"]);
        }

        [Fact]
        public async Task Forbidden_WithRateLimitRemainingZero_AndNoReset_IsTheRateLimitKind_WithNoInventedDelay()
        {
            var error = await SendAsync("status/403?remaining=0");

            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Null(error.RetryAfter);
        }

        [Theory]
        [InlineData("status/403?xremaining=5&xreset=2000000000")]
        [InlineData("status/403?retryAfter=soon")]
        [InlineData("status/403")]
        public async Task Forbidden_WithoutARateLimitSignal_StaysUpstreamAuth(string pathAndQuery)
        {
            var error = await SendAsync(pathAndQuery);

            Assert.Equal("UPSTREAM_AUTH", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Null(error.RetryAfter);
        }

        [Theory]
        [InlineData(401)]
        [InlineData(404)]
        public async Task OtherStatuses_WithARateLimitSignal_KeepTheirKind(int status)
        {
            var error = await SendAsync("status/" + status + "?retryAfter=7&xremaining=0");

            Assert.NotEqual("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
        }

        [Fact]
        public async Task Forbidden_WithARateLimitSignal_AndNo429Kind_KeepsThe403Route()
        {
            using var client = _upstream.PlainClient();
            using var response = await client.GetAsync(_upstream.At("status/403?retryAfter=7"));

            var error = await HttpErrors.FromResponseAsync(TestTaxonomies.FallbackOnly, response);

            var unclassified = Assert.IsType<UnclassifiedException>(error);
            Assert.Equal(Google.Rpc.Code.PermissionDenied, unclassified.Code);
            Assert.Equal("403", unclassified.Metadata["statusCode"]);
        }

        [Fact]
        public async Task OtherClientError_IsUpstreamBadRequest_ByStatusClass()
        {
            var error = await SendAsync("status/422");

            Assert.Equal("UPSTREAM_BAD_REQUEST", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("Upstream HTTP request failed (Unprocessable Content, client error).", error.Message);
        }

        [Fact]
        public async Task RequestTimeout_ExactStatusBeatsClass_AndIsTransient()
        {
            var error = await SendAsync("status/408");

            Assert.Equal("UPSTREAM_REQUEST_TIMEOUT", error.Reason);
            Assert.Equal(RetryPolicy.Transient, error.Retry);
        }

        [Fact]
        public async Task TooManyRequests_WithRetryAfterSeconds_IsThrottledWithTheServersDelay()
        {
            var error = await SendAsync("status/429?retryAfter=1");

            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Equal(RetryPolicy.Throttled, error.Retry);
            Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        }

        [Fact]
        public async Task AdapterErrors_AreTheGeneratedClasses_WithTypedFieldsAndEveryAncestorsInterface()
        {
            var error = await SendAsync("status/429?retryAfter=1&token=secret");

            var typed = Assert.IsType<ErrorSdk.Taxonomy.UpstreamRateLimitException>(error);
            Assert.Equal(429, typed.StatusCode);
            Assert.Equal(_upstream.At("status/429"), typed.Endpoint);
            Assert.IsAssignableFrom<ErrorSdk.Taxonomy.ITooManyRequests>(error);
            Assert.IsAssignableFrom<ErrorSdk.Taxonomy.IUpstreamError>(error);
        }

        [Fact]
        public async Task TooManyRequests_WithoutHeaders_InventsNoDelay()
        {
            var error = await SendAsync("status/429");

            Assert.Equal("UPSTREAM_RATE_LIMIT", error.Reason);
            Assert.Null(error.RetryAfter);
            Assert.DoesNotContain("Retry after", error.Message);
        }

        [Fact]
        public async Task TooManyRequests_WithRetryAfterHttpDate_IsMeasuredAgainstTheServersDate()
        {
            var serverNow = new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
            var query = "status/429?date=" + Uri.EscapeDataString(TestTaxonomies.HttpDate(serverNow)) +
                        "&retryAfter=" + Uri.EscapeDataString(TestTaxonomies.HttpDate(serverNow.AddSeconds(90)));

            var error = await SendAsync(query);

            Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        }

        [Fact]
        public async Task TooManyRequests_WithEpochRateLimitReset_IsReadAsAMoment()
        {
            long reset = DateTimeOffset.UtcNow.AddSeconds(120).ToUnixTimeSeconds();

            var error = await SendAsync("status/429?xreset=" + reset);

            Assert.NotNull(error.RetryAfter);
            Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(121));
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        public async Task ServerError_IsUpstreamServerError_Transient(int status)
        {
            var error = await SendAsync("status/" + status);

            Assert.Equal("UPSTREAM_SERVER_ERROR", error.Reason);
            Assert.Equal(RetryPolicy.Transient, error.Retry);
            Assert.Equal("server", error.Metadata["statusClass"]);
        }

        [Fact]
        public async Task ErrorBody_GoesOnlyToTheDeveloperMessage_Sanitized()
        {
            var error = await SendAsync("status/500?body=" + Uri.EscapeDataString("boom at https://user:pw@db.internal/x?sig=abc"));

            Assert.DoesNotContain("boom", error.Message);
            Assert.Contains("boom at https://db.internal/x", error.DeveloperMessage);
            Assert.DoesNotContain("pw@", error.DeveloperMessage);
            Assert.DoesNotContain("sig=abc", error.DeveloperMessage);
            Assert.False(error.Metadata.ContainsKey("rawBody"));
        }

        [Fact]
        public async Task RedirectLoop_IsRedirectLimit_NotRetried()
        {
            using var client = _upstream.TypedClient(h => h.MaxAutomaticRedirections = 3);

            var error = await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At("redirect-loop")));

            Assert.Equal("NETWORK_TRANSPORT_REDIRECT_LIMIT", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
        }

        [Fact]
        public async Task Redirect_WhenTheHandlerDoesNotFollow_PassesThrough()
        {
            using var client = _upstream.TypedClient(h => h.AllowAutoRedirect = false);

            using var response = await client.GetAsync(_upstream.At("redirect-loop"));

            Assert.Equal(302, (int)response.StatusCode);
        }

        [Fact]
        public async Task ProblemJson_OfTheTaxonomysDomain_PromotesExactly()
        {
            var error = await SendAsync("problem/provisioning");

            Assert.IsType<ErrorSdk.Taxonomy.UserNotProvisionableException>(error);
            Assert.IsAssignableFrom<ErrorSdk.Taxonomy.IProvisionTerminal>(error);
            Assert.Equal("USER_NOT_PROVISIONABLE", error.Reason);
            Assert.Equal(Google.Rpc.Code.FailedPrecondition, error.Code);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("The user cannot be provisioned in the target system.", error.Message);
            Assert.Equal("u-42", error.Metadata["userId"]);
            Assert.Equal("100% {literal}", error.Metadata["note"]);
            Assert.NotNull(error.ReceivedStatus);
        }

        [Fact]
        public async Task ProblemJson_WithAnUnknownReason_ClassifiesByItsCode()
        {
            var error = await SendAsync("problem/future");

            Assert.Equal("FAILED_PRECONDITION", error.Reason);
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.Equal("SOME_FUTURE_REASON", error.Received!.Reason);
        }

        [Fact]
        public async Task ProblemJson_RetryAfterMember_IsTheDelay()
        {
            var error = await SendAsync("problem/throttled");

            Assert.Equal("TOO_MANY_REQUESTS", error.Reason);
            Assert.Equal(TimeSpan.FromSeconds(2.5), error.RetryAfter);
        }

        [Fact]
        public async Task ProblemJson_OfAForeignDomain_IsMatchedByStatus_AndItsTextStaysOutOfTheMessage()
        {
            var error = await SendAsync("problem/foreign");

            Assert.Equal("UPSTREAM_BAD_REQUEST", error.Reason);
            Assert.DoesNotContain("rejected", error.Message);
            Assert.DoesNotContain("hunter2", error.DeveloperMessage);
        }

        [Fact]
        public async Task ProblemJson_Unparsable_IsMatchedByStatus_AndTheParseFailureIsVisible()
        {
            var error = await SendAsync("problem/garbage");

            Assert.Equal("UPSTREAM_BAD_REQUEST", error.Reason);
            Assert.Contains("could not be parsed", error.DeveloperMessage);
        }

        [Fact]
        public async Task UnmatchedStatus_FallsBackByTheBareStatusCode()
        {
            using var client = _upstream.PlainClient();
            using var response = await client.GetAsync(_upstream.At("status/503"));

            var error = await HttpErrors.FromResponseAsync(TestTaxonomies.FallbackOnly, response);

            Assert.Equal("UNAVAILABLE", error.Reason);
            Assert.Equal("Unavailable (503).", error.Message);
        }

        [Fact]
        public async Task UnmatchedStatus_WithNoFallback_IsUnclassified_AndKeepsTheFacts()
        {
            using var client = _upstream.PlainClient();
            using var response = await client.GetAsync(_upstream.At("status/403"));

            var error = await HttpErrors.FromResponseAsync(TestTaxonomies.FallbackOnly, response);

            var unclassified = Assert.IsType<UnclassifiedException>(error);
            Assert.Equal(Google.Rpc.Code.PermissionDenied, unclassified.Code);
            Assert.Equal("403", unclassified.Metadata["statusCode"]);
            Assert.False(unclassified.IsRetryable);
            // The facts stay local: with no reason there is no ErrorInfo to send them in.
            Assert.DoesNotContain(unclassified.ToStatus().Details, d => d.TypeUrl.EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal));
        }

        [Fact]
        public async Task OutOfRangeStatus_IsNotAcceptedSilently_ItIsTheUnknownKind()
        {
            var error = await SendAsync("status/799");

            Assert.Equal("UNKNOWN", error.Reason);
            Assert.False(error.IsRetryable);
            Assert.Contains("outside the HTTP status range", error.DeveloperMessage);
        }

        [Fact]
        public async Task SuccessResponse_IsRejected()
        {
            using var client = _upstream.PlainClient();
            using var response = await client.GetAsync(_upstream.At("ok"));

            await Assert.ThrowsAsync<ArgumentException>(() => HttpErrors.FromResponseAsync(_upstream.Taxonomy, response));
        }

        private async Task<TaxonomyException> SendAsync(string pathAndQuery)
        {
            using var client = _upstream.TypedClient();
            return await Assert.ThrowsAnyAsync<TaxonomyException>(() => client.GetAsync(_upstream.At(pathAndQuery)));
        }
    }
}
