using System;
using ErrorSdk.Generator.Diagnostics;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>ESDK300-ESDK309: invariant 3 (code-only callers classify right) and unambiguous routing.</summary>
    public class RoutingRuleTests
    {
        [Fact]
        public void NeverWithUnavailableIsReportedAtTheKindLine()
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, code: "UNAVAILABLE", retry: "never")), DiagnosticIds.NeverWithUnavailable, "\"A_ROOT\"");
            Assert.Equal(
                "Kind 'A_ROOT' declares retry 'never' with code UNAVAILABLE; generic clients retry UNAVAILABLE. Use a terminal code such as FAILED_PRECONDITION, or declare retry 'transient'",
                message);
        }

        [Fact]
        public void NeverInheritedWithOwnUnavailableIsReportedOnTheChild()
        {
            string text = Kinds(Root("A_ROOT", 1, code: "INTERNAL", retry: "never"), Child("B_CHILD", 2, "\"A_ROOT\"", "\"code\": \"UNAVAILABLE\""));
            AssertOnly(text, DiagnosticIds.NeverWithUnavailable, "\"B_CHILD\"");
        }

        [Theory]
        [InlineData("transient", "INVALID_ARGUMENT")]
        [InlineData("transient", "FAILED_PRECONDITION")]
        [InlineData("throttled", "PERMISSION_DENIED")]
        [InlineData("throttled", "NOT_FOUND")]
        [InlineData("transient", "ALREADY_EXISTS")]
        [InlineData("transient", "OUT_OF_RANGE")]
        [InlineData("throttled", "UNIMPLEMENTED")]
        public void RetriedKindWithAClientErrorCodeIsReported(string retry, string code)
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, code: code, retry: retry)), DiagnosticIds.RetryableWithClientCode, "\"A_ROOT\"");
            Assert.Contains("declares retry '" + retry + "' with code " + code, message, StringComparison.Ordinal);
        }

        [Fact]
        public void ChildInheritingABadCombinationIsNotReportedTwice()
        {
            string text = Kinds(Root("A_ROOT", 1, code: "NOT_FOUND", retry: "transient"), Child("B_CHILD", 2, "\"A_ROOT\""));
            AssertOnly(text, DiagnosticIds.RetryableWithClientCode, "\"A_ROOT\"");
        }

        [Theory]
        [InlineData("reauthenticate", "UNAUTHENTICATED")]
        [InlineData("transient", "UNAVAILABLE")]
        [InlineData("throttled", "RESOURCE_EXHAUSTED")]
        [InlineData("never", "FAILED_PRECONDITION")]
        [InlineData("transient", "UNKNOWN")]
        public void ConsistentCodeAndRetryAreValid(string retry, string code)
        {
            AssertValid(Kinds(Root("A_ROOT", 1, code: code, retry: retry)));
        }

        [Fact]
        public void SameAliasInTwoKindsIsAmbiguous()
        {
            const string Alias = "\"aliases\": [ { \"reason\": \"LEGACY\", \"code\": \"INTERNAL\" } ]";
            string text = Kinds(Root("A_ROOT", 1, extra: Alias), Root("B_ROOT", 2, extra: Alias));
            string message = AssertOnly(text, DiagnosticIds.DuplicateAlias, "{ \"reason\"", occurrence: 1);
            Assert.Contains("Alias (LEGACY, INTERNAL) of kind 'B_ROOT' is also declared by kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void AliasEqualToAConcreteKindsOwnReasonAndCodeIsNeverUsed()
        {
            string text = Kinds(
                Root("A_ROOT", 1, code: "INTERNAL"),
                Root("B_ROOT", 2, extra: "\"aliases\": [ { \"reason\": \"A_ROOT\", \"code\": \"INTERNAL\" } ]"));
            string message = AssertOnly(text, DiagnosticIds.ShadowedAlias, "{ \"reason\"");
            Assert.Contains("is the own reason and code of kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void AliasOfAnAbstractKindsReasonOrAnotherCodeIsValid()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, code: "INTERNAL", extra: "\"abstract\": true"),
                Root("B_ROOT", 2, extra: "\"aliases\": [ { \"reason\": \"A_ROOT\", \"code\": \"INTERNAL\" }, { \"reason\": \"B_ROOT\", \"code\": \"ABORTED\" } ]")));
            Assert.Equal(2, spec.Kinds[1].Aliases.Count);
            Assert.Equal(("A_ROOT", "INTERNAL", 13), (spec.Kinds[1].Aliases[0].Reason, spec.Kinds[1].Aliases[0].CodeName, spec.Kinds[1].Aliases[0].CodeValue));
        }

        [Fact]
        public void AliasReasonMustBeAValidReason()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"aliases\": [ { \"reason\": \"legacy\", \"code\": \"INTERNAL\" } ]"));
            string message = AssertOnly(text, DiagnosticIds.InvalidReason, "\"legacy\"");
            Assert.Contains("in an alias of kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\"aliases\": [ { \"reason\": \"LEGACY\", \"code\": \"NOPE\" } ]", "\"NOPE\"", "ESDK117")]
        [InlineData("\"aliases\": [ { \"reason\": \"LEGACY\", \"code\": \"OK\" } ]", "\"OK\"", "ESDK118")]
        [InlineData("\"fallback_for\": [\"NOPE\"]", "\"NOPE\"", "ESDK117")]
        [InlineData("\"fallback_for\": [\"OK\"]", "\"OK\"", "ESDK118")]
        public void RoutingCodesMustBeKnownErrorCodes(string extra, string snippet, string id)
        {
            AssertOnly(Kinds(Root("A_ROOT", 1, extra: extra)), id, snippet);
        }

        [Fact]
        public void SameFallbackCodeInTwoKindsIsAmbiguous()
        {
            string text = Kinds(
                Root("A_ROOT", 1, extra: "\"fallback_for\": [\"INTERNAL\"]"),
                Root("B_ROOT", 2, extra: "\"fallback_for\": [\"UNKNOWN\", \"INTERNAL\"]"));
            string message = AssertOnly(text, DiagnosticIds.DuplicateFallback, "\"INTERNAL\"]", occurrence: 1);
            Assert.Contains("Code INTERNAL is in 'fallback_for' of both 'A_ROOT' and 'B_ROOT'", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\"fallback_for\": [\"INTERNAL\"]", "\"fallback_for\"")]
        [InlineData("\"aliases\": [ { \"reason\": \"LEGACY\", \"code\": \"INTERNAL\" } ]", "\"aliases\"")]
        [InlineData("\"match\": { \"transport\": [\"tls\"] }", "\"match\"")]
        public void AbstractKindCannotBeARoutingTarget(string extra, string snippet)
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, extra: "\"abstract\": true, " + extra)), DiagnosticIds.AbstractRouting, snippet);
            Assert.Contains("Abstract kind 'A_ROOT' declares " + snippet.Replace("\"", "'", StringComparison.Ordinal), message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("99", "99")]
        [InlineData("600", "600")]
        [InlineData("\"4XX\"", "\"4XX\"")]
        [InlineData("\"404\"", "\"404\"")]
        [InlineData("\"6xx\"", "\"6xx\"")]
        [InlineData("\"xx\"", "\"xx\"")]
        public void HttpStatusMatchMustBeAStatusOrAClass(string entry, string shown)
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"match\": { \"http_status\": [" + entry + "] }"));
            string message = AssertOnly(text, DiagnosticIds.InvalidHttpMatch, entry + "]");
            Assert.StartsWith(shown + " in 'match.http_status' of kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownTransportIsReported()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"match\": { \"transport\": [\"timeout\", \"dns\"] }"));
            AssertOnly(text, DiagnosticIds.UnknownTransport, "\"dns\"");
        }

        [Theory]
        [InlineData("404", "404")]
        [InlineData("\"5xx\"", "5xx")]
        public void SameHttpMatchInTwoKindsIsAmbiguous(string entry, string key)
        {
            string match = "\"match\": { \"http_status\": [" + entry + "] }";
            string text = Kinds(Root("A_ROOT", 1, extra: match), Root("B_ROOT", 2, extra: match));
            string message = AssertOnly(text, DiagnosticIds.AmbiguousHttpMatch, entry + "]", occurrence: 1);
            Assert.Contains("'" + key + "' is claimed by both 'A_ROOT' and 'B_ROOT'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ExactStatusInOneKindAndItsClassInAnotherIsFine()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, extra: "\"match\": { \"http_status\": [\"5xx\"] }"),
                Root("B_ROOT", 2, extra: "\"match\": { \"http_status\": [502, 503] }")));
            Assert.Equal(new[] { "5xx" }, spec.Kinds[0].MatchHttpStatus);
            Assert.Equal(new[] { "502", "503" }, spec.Kinds[1].MatchHttpStatus);
        }

        [Fact]
        public void SameTransportInTwoKindsIsAmbiguous()
        {
            string match = "\"match\": { \"transport\": [\"timeout\"] }";
            string text = Kinds(Root("A_ROOT", 1, extra: match), Root("B_ROOT", 2, extra: match));
            AssertOnly(text, DiagnosticIds.AmbiguousTransportMatch, "\"timeout\"", occurrence: 1);
        }
    }
}
