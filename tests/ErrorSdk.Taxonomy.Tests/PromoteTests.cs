using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Invariant 5 and the routing of the default taxonomy: Promote is total over random statuses; aliases, fallbacks,
    /// unknown and abstract reasons go where docs/design.md says; the terminal provisioning kinds are terminal by code alone.
    /// </summary>
    public sealed class PromoteTests
    {
        private const string Domain = "errorsdk.dev";

        [Fact]
        public void Promote_is_total_and_routes_random_statuses_as_designed()
        {
            var expectations = new PromoteExpectations(
                DefaultTaxonomy.Expected,
                kind => GeneratedSdk.Types[kind.Reason].Class,
                (error, field) => GeneratedSdk.Fields(error)[field.Name]);
            PromoteExpectations.ExpectTotal(null, ErrorSdkTaxonomy.Promote(null), "Promote(null)");
            PropertyCheck.ForAll(RandomStatus.For(DefaultTaxonomy.Expected), Budget.PromoteCases, statusCase =>
                expectations.Check(
                    statusCase,
                    ("static Promote", ErrorSdkTaxonomy.Promote),
                    ("static Promote with default limits", status => ErrorSdkTaxonomy.Promote(status, WireLimits.Default)),
                    ("IErrorTaxonomy.Promote", ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Promote),
                    ("IErrorTaxonomy.Promote with default limits", status => ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Promote(status, WireLimits.Default))));
        }

        [Fact]
        public void Promote_with_custom_limits_cuts_marks_and_lists_what_goes_over_and_keeps_the_raw_status()
        {
            var status = Status(Google.Rpc.Code.NotFound, "NOT_FOUND", Domain, ("resourceType", "bucket"), ("resourceName", new string('n', 500)), ("extra", "kept"));
            status.Message = new string('m', 300);
            var limits = new WireLimits(maxMessageLength: 64, maxMetadataValueLength: 100, maxMetadataEntries: 2);

            foreach (var error in new[] { ErrorSdkTaxonomy.Promote(status, limits), ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Promote(status, limits) })
            {
                var notFound = Assert.IsType<NotFoundException>(error);
                Assert.Equal(64, notFound.Message.Length);
                Assert.EndsWith(WireLimits.TruncationMarker, notFound.Message, StringComparison.Ordinal);
                Assert.Equal(100, notFound.ResourceName.Length);
                Assert.EndsWith(WireLimits.TruncationMarker, notFound.ResourceName, StringComparison.Ordinal);
                Assert.False(notFound.Metadata.ContainsKey("extra"));
                var problems = notFound.Received!.Problems;
                Assert.Contains(problems, p => p.Contains("WireLimits.MaxMetadataValueLength", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.Contains("WireLimits.MaxMetadataEntries", StringComparison.Ordinal));
                Assert.Same(status, notFound.ReceivedStatus);
                Assert.Equal(new string('n', 500), Google.Rpc.ErrorInfo.Parser.ParseFrom(status.Details[0].Value).Metadata["resourceName"]);
            }

            var defaults = Assert.IsType<NotFoundException>(ErrorSdkTaxonomy.Promote(status, null));
            Assert.Equal(status.Message, defaults.Message);
            Assert.Equal(new string('n', 500), defaults.ResourceName);
            Assert.Equal("kept", defaults.Metadata["extra"]);
            Assert.Empty(defaults.Received!.Problems);
        }

        [Fact]
        public void The_legacy_TOOL_ERROR_with_RESOURCE_EXHAUSTED_is_a_ToolRateLimitException()
        {
            var status = Status(Google.Rpc.Code.ResourceExhausted, "TOOL_ERROR", Domain, ("provider", "github"), ("toolErrorCode", "secondary_rate_limit"));
            status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(60)) }));
            var error = Assert.IsType<ToolRateLimitException>(ErrorSdkTaxonomy.Promote(status));
            Assert.Equal("github", error.Provider);
            Assert.Equal("secondary_rate_limit", error.ToolErrorCode);
            Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
            Assert.IsAssignableFrom<ITooManyRequests>(error);
            Assert.Same(status, error.ReceivedStatus);

            // TOOL_ERROR with its own code is still the plain tool error: the alias only takes the other code.
            Assert.IsType<ToolErrorException>(ErrorSdkTaxonomy.Promote(Status(Google.Rpc.Code.Unknown, "TOOL_ERROR", Domain, ("provider", "github"))));
        }

        [Fact]
        public void Every_alias_promotes_to_its_kind()
        {
            foreach (var kind in DefaultTaxonomy.Expected.Concrete)
            {
                foreach (var alias in kind.Model.Aliases)
                {
                    var error = ErrorSdkTaxonomy.Promote(Status((Google.Rpc.Code)GrpcCodes.ValueOf(alias.Code), alias.Reason, Domain, ("provider", "p")));
                    Assert.True(GeneratedSdk.Types[kind.Reason].Class == error.GetType(), "(" + alias.Reason + ", " + alias.Code + ") gave " + error.GetType().Name);
                }
            }
        }

        [Fact]
        public void A_status_with_no_known_reason_falls_back_by_its_code()
        {
            foreach (var (name, value, _) in GrpcCodes.Errors)
            {
                var fallback = DefaultTaxonomy.Expected.Concrete.Single(k => k.Model.FallbackFor.Contains(name));
                var bare = new Google.Rpc.Status { Code = value, Message = "bare " + name };
                var unknown = Status((Google.Rpc.Code)value, "A_REASON_FROM_A_NEWER_SERVER", Domain, ("hint", "x"));
                var foreign = Status((Google.Rpc.Code)value, fallback.Reason, "someone-else.example");
                foreach (var status in new[] { bare, unknown, foreign })
                {
                    var error = ErrorSdkTaxonomy.Promote(status);
                    Assert.True(GeneratedSdk.Types[fallback.Reason].Class == error.GetType(), name + " fell back to " + error.GetType().Name);
                    Assert.Same(status, error.ReceivedStatus);
                    Assert.Equal(status.Message, error.Message);
                }

                Assert.Equal("x", ErrorSdkTaxonomy.Promote(unknown).Metadata["hint"]);
            }
        }

        [Fact]
        public void An_unknown_reason_with_no_fallback_is_an_UnclassifiedException_that_keeps_everything()
        {
            foreach (var code in new[] { 0, 17, 42, -1, int.MaxValue })
            {
                var status = Status((Google.Rpc.Code)code, "A_REASON_FROM_A_NEWER_SERVER", Domain, ("attempt", "3"), ("region", "eu"));
                status.Details.Add(new Any { TypeUrl = "type.example.com/acme.v9.Future", Value = Google.Protobuf.ByteString.CopyFromUtf8("opaque") });
                var error = Assert.IsType<UnclassifiedException>(ErrorSdkTaxonomy.Promote(status));
                Assert.Same(status, error.ReceivedStatus);
                Assert.Equal(code, (int)error.Code);
                Assert.Equal("A_REASON_FROM_A_NEWER_SERVER", error.Reason);
                Assert.Equal(Domain, error.Domain);
                Assert.Equal(status.Message, error.Message);
                Assert.Equal(new Dictionary<string, string> { ["attempt"] = "3", ["region"] = "eu" }, error.Metadata.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value));
                Assert.Equal(2, error.ReceivedStatus!.Details.Count);
            }
        }

        [Fact]
        public void The_abstract_PROVISION_TERMINAL_on_the_wire_is_never_promoted_to_itself()
        {
            foreach (var (name, value, _) in GrpcCodes.Errors)
            {
                var error = ErrorSdkTaxonomy.Promote(Status((Google.Rpc.Code)value, "PROVISION_TERMINAL", Domain));
                Assert.False(error is IProvisionTerminal, name + ": promoted to a PROVISION_TERMINAL kind");
                var fallback = DefaultTaxonomy.Expected.Concrete.Single(k => k.Model.FallbackFor.Contains(name));
                Assert.True(GeneratedSdk.Types[fallback.Reason].Class == error.GetType(), name + " gave " + error.GetType().Name);
            }

            // Its own code, FAILED_PRECONDITION, still classifies it as terminal.
            var terminal = ErrorSdkTaxonomy.Promote(Status(Google.Rpc.Code.FailedPrecondition, "PROVISION_TERMINAL", Domain));
            Assert.IsType<FailedPreconditionException>(terminal);
            Assert.False(terminal.IsRetryable);
        }

        [Fact]
        public void The_terminal_provisioning_kinds_classify_as_terminal_by_their_code_alone()
        {
            var terminal = DefaultTaxonomy.Expected.Concrete.Where(k => k.Ancestors.Contains("PROVISION_TERMINAL")).ToList();
            Assert.Equal(5, terminal.Count);
            foreach (var kind in terminal)
            {
                var error = GeneratedSdk.Construct(FieldValues.For(kind).Single());
                Assert.IsAssignableFrom<IProvisionTerminal>(error);
                Assert.Equal(RetryPolicy.Never, error.Retry);
                Assert.Contains(kind.Code, GrpcCodes.ClientErrors);

                // A caller that reads only the code: another taxonomy's view, and this one with the reason stripped.
                var codeOnly = new Google.Rpc.Status { Code = (int)error.Code, Message = error.Message };
                Assert.False(new UnclassifiedException(error.ToStatus(), "someone-else.example").IsRetryable, kind.Reason + ": retryable for a foreign reader");
                Assert.False(ErrorSdkTaxonomy.Promote(codeOnly).IsRetryable, kind.Reason + ": retryable by code");
                Assert.False(new UnclassifiedException(codeOnly, Domain).IsRetryable, kind.Reason + ": retryable as unclassified");
            }
        }

        private static Google.Rpc.Status Status(Google.Rpc.Code code, string reason, string domain, params (string Key, string Value)[] metadata)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = reason, Domain = domain };
            foreach (var (key, value) in metadata)
            {
                info.Metadata.Add(key, value);
            }

            var status = new Google.Rpc.Status { Code = (int)code, Message = "The server said: " + reason + " 100% {x}" };
            status.Details.Add(Any.Pack(info));
            return status;
        }
    }
}
