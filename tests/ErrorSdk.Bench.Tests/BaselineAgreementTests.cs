using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Bench.Baselines;
using ErrorSdk.Bench.Benchmarks;
using ErrorSdk.Taxonomy;
using Xunit;

namespace ErrorSdk.Bench.Tests
{
    /// <summary>
    /// The baselines do the same work as the SDK, or the ratios mean nothing: for every kind, route and code, the
    /// hand-written and reflection implementations give the same exception (type, reason, code, message, metadata,
    /// retry delay, raw status), the same wire form and the same classification as the generated code.
    /// </summary>
    public sealed class BaselineAgreementTests
    {
        private static readonly ReflectionTaxonomy Reflection = ReflectionTaxonomy.Default;

        public static TheoryData<string> Statuses() => new TheoryData<string>(StatusCases().Keys);

        [Theory]
        [MemberData(nameof(Statuses))]
        public void PromoteAgrees(string name)
        {
            var status = StatusCases()[name];
            var generated = ErrorSdkTaxonomy.Promote(status);

            AssertSameError(generated, HandWrittenTaxonomy.Promote(status));
            AssertSameError(generated, Reflection.Promote(status));
            Assert.Same(status, generated.ReceivedStatus);
        }

        [Theory]
        [MemberData(nameof(Statuses))]
        public void TrailersAgree(string name)
        {
            var status = StatusCases()[name];
            var trailers = GrpcWire.ToTrailers(status);

            Assert.Equal(trailers, HandWrittenTaxonomy.ToTrailers(status));
            AssertSameError(ErrorSdkTaxonomy.Promote(GrpcWire.FromTrailers(trailers)), HandWrittenTaxonomy.Promote(HandWrittenTaxonomy.FromTrailers(trailers)));
        }

        [Theory]
        [MemberData(nameof(ConcreteKinds))]
        public void ToStatusAgrees(string reason)
        {
            var error = Raise(reason);
            var expected = ReceivedError.Read(error.ToStatus(), ErrorSdkTaxonomy.DomainName);

            AssertSameReceived(expected, ReceivedError.Read(HandWrittenTaxonomy.ToStatus(error), ErrorSdkTaxonomy.DomainName));
            AssertSameReceived(expected, ReceivedError.Read(Reflection.ToStatus(error), ErrorSdkTaxonomy.DomainName));
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void ClassificationAgrees(string reason)
        {
            Assert.True(ErrorSdkTaxonomy.TryParseReason(reason, out var value));

            Assert.Equal(ErrorSdkTaxonomy.RetryOf(value), HandWrittenTaxonomy.RetryOf(reason));
            Assert.Equal(ErrorSdkTaxonomy.RetryOf(value), Reflection.RetryOf(reason));
            Assert.Equal(ErrorSdkTaxonomy.CodeOf(value), HandWrittenTaxonomy.CodeOf(reason));
            Assert.Equal(ErrorSdkTaxonomy.CodeOf(value), Reflection.CodeOf(reason));
            var kind = ErrorSdkTaxonomy.KindOf(value);
            if (!kind.IsAbstract)
            {
                var error = Raise(reason);
                Assert.Equal(error.IsRetryable, HandWrittenTaxonomy.IsRetryable(error));
                Assert.Equal(error.IsRetryable, Reflection.IsRetryable(error));
            }
        }

        [Fact]
        public void FindAgrees()
        {
            var wrapped = Inputs.NewWrappedRateLimit();
            var expected = ErrorChain.Find<ITooManyRequests>(wrapped);

            Assert.NotNull(expected);
            Assert.Same(expected, HandWrittenTaxonomy.Find<ITooManyRequests>(wrapped));
            Assert.Same(expected, ReflectionTaxonomy.Find(wrapped, typeof(ITooManyRequests)));
            Assert.Null(HandWrittenTaxonomy.Find<IUpstreamError>(wrapped));
            Assert.Null(ReflectionTaxonomy.Find(wrapped, typeof(IUpstreamError)));
        }

        [Fact]
        public void BenchmarkInputsRouteAsDescribed()
        {
            Assert.IsType<ToolRateLimitException>(ErrorSdkTaxonomy.Promote(Inputs.ExactReason));
            Assert.IsType<ToolRateLimitException>(ErrorSdkTaxonomy.Promote(Inputs.Alias));
            Assert.Equal("TOOL_ERROR", ErrorSdkTaxonomy.Promote(Inputs.Alias).Received!.Reason);
            Assert.IsType<ServiceUnavailableException>(ErrorSdkTaxonomy.Promote(Inputs.CodeFallback));
            var unknown = ErrorSdkTaxonomy.Promote(Inputs.Unknown);
            Assert.IsType<FailedPreconditionException>(unknown);
            Assert.Equal(Inputs.UnknownReason, unknown.Received!.Reason);
            Assert.Equal("42", unknown.Metadata["lagSeconds"]);
            Assert.IsType<ToolRateLimitException>(ErrorSdkTaxonomy.Promote(GrpcWire.FromTrailers(Inputs.ExactReasonTrailers)));
        }

        public static TheoryData<string> Kinds() => new TheoryData<string>(ErrorSdkKinds.All.Select(k => k.Reason));

        public static TheoryData<string> ConcreteKinds() => new TheoryData<string>(ErrorSdkKinds.All.Where(k => !k.IsAbstract).Select(k => k.Reason));

        private static Dictionary<string, Google.Rpc.Status> StatusCases()
        {
            var cases = new Dictionary<string, Google.Rpc.Status>(StringComparer.Ordinal)
            {
                ["input exact reason"] = Inputs.ExactReason,
                ["input alias"] = Inputs.Alias,
                ["input code fallback"] = Inputs.CodeFallback,
                ["input unknown reason"] = Inputs.Unknown,
                ["non-ASCII and % message"] = new Google.Rpc.Status { Code = 14, Message = "Überlastet: 100% (ünïcödé)" },
            };
            foreach (var kind in ErrorSdkKinds.All.Where(k => !k.IsAbstract))
            {
                cases["kind " + kind.Reason] = Raise(kind.Reason).ToStatus();
            }

            for (int code = 0; code <= 20; code++)
            {
                cases["bare code " + code] = new Google.Rpc.Status { Code = code, Message = "bare " + code };
                cases["TOOL_ERROR with code " + code] = Retag(Raise("TOOL_ERROR").ToStatus(), "TOOL_ERROR", code);
                cases["unknown reason with code " + code] = Retag(Raise("INTERNAL").ToStatus(), "NOT_A_KIND", code);
                cases["abstract reason with code " + code] = Retag(Raise("USER_NOT_PROVISIONABLE").ToStatus(), "PROVISION_TERMINAL", code);
            }

            var foreign = Raise("NOT_FOUND").ToStatus();
            var info = foreign.Details[0].Unpack<Google.Rpc.ErrorInfo>();
            info.Domain = "other.example.com";
            foreign.Details[0] = Google.Protobuf.WellKnownTypes.Any.Pack(info);
            cases["foreign domain"] = foreign;
            return cases;
        }

        private static TaxonomyException Raise(string reason)
        {
            var kind = ErrorSdkKinds.All.Single(k => k.Reason == reason);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in kind.Fields)
            {
                fields[field.Name] = field.Type switch
                {
                    FieldType.Int => "429",
                    FieldType.Bool => "true",
                    FieldType.Duration => "1.5s",
                    FieldType.Uri => "https://user:secret@api.example.com/v1/items?token=x#frag",
                    _ => field.Name + " value",
                };
            }

            return ErrorSdkTaxonomy.Create(reason, fields, new TaxonomyExceptionOptions(retryAfter: TimeSpan.FromMilliseconds(1500)))
                ?? throw new InvalidOperationException(reason + " cannot be raised.");
        }

        private static Google.Rpc.Status Retag(Google.Rpc.Status status, string reason, int code)
        {
            var copy = status.Clone();
            copy.Code = code;
            var info = copy.Details[0].Unpack<Google.Rpc.ErrorInfo>();
            info.Reason = reason;
            copy.Details[0] = Google.Protobuf.WellKnownTypes.Any.Pack(info);
            return copy;
        }

        private static void AssertSameError(TaxonomyException expected, TaxonomyException actual)
        {
            Assert.Equal(expected.GetType(), actual.GetType());
            Assert.Equal(expected.Reason, actual.Reason);
            Assert.Equal(expected.Domain, actual.Domain);
            Assert.Equal(expected.Code, actual.Code);
            Assert.Equal(expected.Retry, actual.Retry);
            Assert.Equal(expected.Message, actual.Message);
            Assert.Equal(expected.RetryAfter, actual.RetryAfter);
            Assert.Equal(expected.DeveloperMessage, actual.DeveloperMessage);
            Assert.Equal(Sorted(expected.Metadata), Sorted(actual.Metadata));
            Assert.Equal(expected.ReceivedStatus, actual.ReceivedStatus);
        }

        private static void AssertSameReceived(ReceivedError expected, ReceivedError actual)
        {
            Assert.Equal(expected.Code, actual.Code);
            Assert.Equal(expected.Message, actual.Message);
            Assert.Equal(expected.Reason, actual.Reason);
            Assert.Equal(expected.Domain, actual.Domain);
            Assert.Equal(expected.RetryAfter, actual.RetryAfter);
            Assert.Equal(Sorted(expected.Metadata), Sorted(actual.Metadata));
            Assert.Empty(actual.Problems);
        }

        private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> metadata) =>
            metadata.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
