using System;
using System.Linq;
using ErrorSdk.Properties.Tests.Harness;
using CsCheck;
using Xunit;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Invariant 4 over the default taxonomy: an error is its own interface and each ancestor's, by any path, and no
    /// other kind's; the multiple-inheritance cases the taxonomy exists for, with the generated types used directly.
    /// </summary>
    public sealed class InheritanceTests
    {
        [Fact]
        public void Every_error_is_exactly_its_own_and_its_ancestors_interfaces()
        {
            PropertyCheck.ForAll(RoundTripTests.EveryKind, Budget.InheritanceCases, all =>
            {
                foreach (var values in all)
                {
                    var error = GeneratedSdk.Construct(values);
                    var wrapped = new AggregateException(new InvalidOperationException("outer", new Exception("middle", error)));
                    foreach (var other in DefaultTaxonomy.Expected.Kinds)
                    {
                        var (_, otherInterface) = GeneratedSdk.Types[other.Reason];
                        bool expected = other.Reason == values.Kind.Reason || values.Kind.Ancestors.Contains(other.Reason);
                        Expect.Equal(expected, otherInterface.IsInstanceOfType(error), values.Kind.Reason + " is " + otherInterface.Name);
                    }

                    Expect.Equal(values.Kind.Ancestors.Contains("TOO_MANY_REQUESTS") || values.Kind.Reason == "TOO_MANY_REQUESTS", ErrorChain.Find<ITooManyRequests>(wrapped) is not null, values.Kind.Reason + ": ErrorChain.Find<ITooManyRequests>");
                    Assert.Same(error, ErrorChain.Find<TaxonomyException>(wrapped));
                }
            });
        }

        [Fact]
        public void A_provider_rate_limit_is_caught_as_too_many_requests_and_as_a_tool_error()
        {
            var thrown = new ToolRateLimitException(provider: "github", retryAfter: TimeSpan.FromSeconds(30));
            var received = ErrorSdkTaxonomy.Promote(GrpcWire.FromTrailers(GrpcWire.ToTrailers(thrown.ToStatus()))!);
            foreach (var error in new TaxonomyException[] { thrown, received })
            {
                try
                {
                    throw error;
                }
                catch (Exception e) when (e is ITooManyRequests)
                {
                    var tool = Assert.IsAssignableFrom<IToolError>(e);
                    Assert.Equal("github", tool.Provider);
                    Assert.IsType<ToolRateLimitException>(e);
                    Assert.Equal(TimeSpan.FromSeconds(30), ((TaxonomyException)e).RetryAfter);
                    Assert.Equal(RetryPolicy.Throttled, ((TaxonomyException)e).Retry);
                }
            }

            Assert.IsAssignableFrom<ToolErrorException>(thrown);
        }

        [Fact]
        public void A_provider_401_is_unauthenticated_but_never_retried()
        {
            var error = new ToolUnauthorizedException(provider: "github");
            Assert.IsAssignableFrom<IUnauthenticated>(error);
            Assert.IsAssignableFrom<IToolError>(error);
            Assert.IsNotAssignableFrom<UnauthenticatedException>(error);
            Assert.Equal(RetryPolicy.Never, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.ToolUnauthorized));
            Assert.Equal(RetryPolicy.Never, error.Retry);
            Assert.False(error.IsRetryable);
            Assert.Equal(Google.Rpc.Code.Unauthenticated, error.Code);
        }

        [Fact]
        public void ErrorChain_finds_a_throttling_error_through_InnerException_and_AggregateException()
        {
            var limit = new UpstreamRateLimitException(statusCode: 429, statusPhrase: "Too Many Requests", statusClass: "client");
            var chain = new InvalidOperationException(
                "outer",
                new AggregateException(new ArgumentException("unrelated"), new AggregateException(new Exception("wrapped", limit))));
            Assert.Same(limit, ErrorChain.Find<ITooManyRequests>(chain));
            Assert.Same(limit, ErrorChain.Find<IUpstreamError>(chain));
            Assert.Null(ErrorChain.Find<IToolError>(chain));
            Assert.Null(ErrorChain.Find<ITooManyRequests>(new AggregateException(new ToolUnavailableException(provider: "x"))));

            // Breadth-first (ErrorChain's documented order): the shallowest match, then the earliest among siblings.
            var first = new ToolRateLimitException(provider: "first");
            var second = new TooManyRequestsException();
            Assert.Same(first, ErrorChain.Find<ITooManyRequests>(new AggregateException(first, second)));
            Assert.Same(second, ErrorChain.Find<ITooManyRequests>(new AggregateException(new Exception("deeper", first), second)));
        }
    }
}
