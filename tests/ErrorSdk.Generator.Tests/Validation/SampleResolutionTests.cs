using System.Linq;
using ErrorSdk.Generator.Model;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>The representative sample resolves to the expected spec: inheritance, defaults, fields, routing.</summary>
    public class SampleResolutionTests
    {
        private static readonly TaxonomySpec Spec = AssertValid(Sample);

        private static KindSpec Kind(string reason) => Spec.Kinds.Single(k => k.Reason == reason);

        private static FieldSpec Field(string name, FieldKind type, string declaring, bool optional = false, bool sensitive = false, string description = "") =>
            new FieldSpec(name, char.ToUpperInvariant(name[0]) + name.Substring(1), type, optional, sensitive, description, declaring);

        [Fact]
        public void HeaderAndReservedAreKept()
        {
            Assert.Equal(("Acme", "Acme.Errors", "errors.acme.dev", "1.2.0-beta.1", "acme.errors.v1", TaxonomyPath), (Spec.Name, Spec.Namespace, Spec.Domain, Spec.Version, Spec.ProtoPackage, Spec.SourcePath));
            Assert.Equal(new[] { 7 }, Spec.ReservedNumbers);
            Assert.Equal(new[] { "OLD_REASON" }, Spec.ReservedReasons);
            Assert.Equal(("AcmeTaxonomy", "AcmeReason"), (Spec.TaxonomyClassName, Spec.ReasonEnumName));
        }

        [Fact]
        public void KindsAreOrderedByNumber()
        {
            Assert.Equal(new[] { 3, 10, 11, 12, 13, 14, 20, 21 }, Spec.Kinds.Select(k => k.Number));
            Assert.Equal("TOO_MANY_REQUESTS", Spec.Kinds[0].Reason);
        }

        [Fact]
        public void MultiParentKindResolves()
        {
            var k = Kind("TOOL_RATE_LIMIT");
            Assert.Equal(("ToolRateLimit", "ToolRateLimitException", "IToolRateLimit", "TOOL_ERROR"), (k.PascalName, k.ClassName, k.InterfaceName, k.BaseReason));
            Assert.Equal(("RESOURCE_EXHAUSTED", 8, 429, RetryKind.Throttled), (k.CodeName, k.CodeValue, k.HttpStatus, k.Retry));
            Assert.Equal(new[] { "TOOL_ERROR", "TOO_MANY_REQUESTS" }, k.Parents);
            Assert.Equal(new[] { "TOOL_ERROR", "TOO_MANY_REQUESTS" }, k.Ancestors);
            Assert.Equal(new[] { Field("limit", FieldKind.Int, "TOOL_RATE_LIMIT", optional: true), Field("provider", FieldKind.String, "TOOL_RATE_LIMIT", description: "Provider slug.") }, k.OwnFields);
            Assert.Equal(new[] { "tool", "limit", "provider" }, k.AllFields.Select(f => f.Name));
            Assert.Equal("TOOL_ERROR", k.AllFields[0].DeclaringReason);
            Assert.Equal(new[] { new AliasSpec("TOOL_ERROR", "RESOURCE_EXHAUSTED", 8) }, k.Aliases);
            Assert.Equal(
                new[] { new TemplatePart(false, "The provider of "), new TemplatePart(true, "tool"), new TemplatePart(false, " rate-limited the request ({limit}: "), new TemplatePart(true, "limit"), new TemplatePart(false, ").") },
                k.Message.Parts);
            Assert.False(k.IsAbstract);
            Assert.Null(k.Deprecated);
        }

        [Fact]
        public void GrandchildInheritsEverythingThroughTheFirstParent()
        {
            var k = Kind("TOOL_QUOTA_EXCEEDED");
            Assert.Equal(("RESOURCE_EXHAUSTED", 429, RetryKind.Throttled), (k.CodeName, k.HttpStatus, k.Retry));
            Assert.Equal(Kind("TOOL_RATE_LIMIT").Message, k.Message);
            Assert.Equal(new[] { "TOOL_RATE_LIMIT", "TOOL_ERROR", "TOO_MANY_REQUESTS" }, k.Ancestors);
            Assert.Equal(new[] { "tool", "limit", "provider", "quota" }, k.AllFields.Select(f => f.Name));
            Assert.Equal(new[] { "quota" }, k.OwnFields.Select(f => f.Name));
        }

        [Fact]
        public void ChildOverridingCodeGetsItsDefaultHttpAndInheritsTheRest()
        {
            var timeout = Kind("TOOL_TIMEOUT");
            Assert.Equal(("DEADLINE_EXCEEDED", 4, 504, RetryKind.Transient, "The tool {tool} failed."), (timeout.CodeName, timeout.CodeValue, timeout.HttpStatus, timeout.Retry, timeout.Message.Text));
            Assert.Equal(new[] { "timeout", "unreachable" }, timeout.MatchTransport);
            Assert.Equal(new[] { "tool", "elapsed" }, timeout.AllFields.Select(f => f.Name));

            var auth = Kind("PROVIDER_AUTH_FAILED");
            Assert.Equal(("UNAUTHENTICATED", 401, RetryKind.Never, "Use TOOL_ERROR."), (auth.CodeName, auth.HttpStatus, auth.Retry, auth.Deprecated));
        }

        [Fact]
        public void AbstractRootAndDefaultHttp()
        {
            var k = Kind("TOOL_ERROR");
            Assert.True(k.IsAbstract);
            Assert.Equal(("UNKNOWN", 2, 500, RetryKind.Never), (k.CodeName, k.CodeValue, k.HttpStatus, k.Retry));
            Assert.Empty(k.Parents);
            Assert.Empty(k.Ancestors);
            Assert.Null(k.BaseReason);
        }

        [Fact]
        public void FieldsAreSortedByNameAndRoutingIsKept()
        {
            var upstream = Kind("UPSTREAM_ERROR");
            Assert.Equal(new[] { "endpoint", "rawBody", "statusClass", "statusCode", "statusPhrase" }, upstream.OwnFields.Select(f => f.Name));
            Assert.Equal(Field("rawBody", FieldKind.String, "UPSTREAM_ERROR", optional: true, sensitive: true), upstream.OwnFields[1]);
            Assert.Equal(new[] { "UNAVAILABLE" }, upstream.FallbackFor);
            Assert.Equal(new[] { "5xx" }, upstream.MatchHttpStatus);
            Assert.Equal(503, upstream.HttpStatus);

            var gateway = Kind("UPSTREAM_BAD_GATEWAY");
            Assert.Equal(("UNAVAILABLE", 502, RetryKind.Transient), (gateway.CodeName, gateway.HttpStatus, gateway.Retry));
            Assert.Equal(new[] { "502" }, gateway.MatchHttpStatus);
            Assert.Equal(upstream.AllFields, gateway.AllFields);

            Assert.Equal(new[] { "RESOURCE_EXHAUSTED" }, Kind("TOO_MANY_REQUESTS").FallbackFor);
            Assert.Equal(new[] { "429" }, Kind("TOO_MANY_REQUESTS").MatchHttpStatus);
        }

        [Fact]
        public void ReadingTwiceGivesEqualSpecs()
        {
            Assert.Equal(Spec, AssertValid(Sample));
        }
    }
}
