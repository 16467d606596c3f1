using System;
using ErrorSdk.Generator.Diagnostics;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>ESDK106-ESDK123: top-level values, reasons, numbers, codes, retry, http, generated names, list duplicates.</summary>
    public class ValueRuleTests
    {
        [Theory]
        [InlineData("acme")]
        [InlineData("Acme-Errors")]
        [InlineData("Acme Errors")]
        [InlineData("")]
        public void TaxonomyNameMustBePascalCase(string name)
        {
            string text = Minimal.Replace("\"name\": \"Acme\"", "\"name\": \"" + name + "\"");
            string message = AssertOnly(text, DiagnosticIds.InvalidName, "\"" + name + "\"");
            Assert.Contains(name + "Taxonomy", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Acme..Errors", "empty segment")]
        [InlineData("Acme.Errors.", "empty segment")]
        [InlineData("Acme.class", "'class' is a C# keyword")]
        [InlineData("1Acme", "not an ASCII identifier")]
        [InlineData("Acme-Errors", "not an ASCII identifier")]
        [InlineData("", "empty")]
        [InlineData("System", "lies in 'System'")]
        [InlineData("System.Acme", "lies in 'System'")]
        [InlineData("Microsoft.Acme", "lies in 'Microsoft'")]
        [InlineData("Google.Rpc", "lies in 'Google.Rpc'")]
        [InlineData("Google.Protobuf.Errors", "lies in 'Google.Protobuf'")]
        public void NamespaceMustBeDottedIdentifiers(string ns, string problem)
        {
            string text = Minimal.Replace("\"Acme.Errors\"", "\"" + ns + "\"");
            string message = AssertOnly(text, DiagnosticIds.InvalidNamespace, "\"" + ns + "\"");
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }

        [Fact]
        public void NamespaceMayUseContextualKeywords()
        {
            AssertValid(Minimal.Replace("\"Acme.Errors\"", "\"Acme.async.var.Errors\""));
        }

        [Fact]
        public void ReservedWordsDeeperInTheNamespaceAreFine()
        {
            AssertValid(Minimal.Replace("\"Acme.Errors\"", "\"Acme.System.Google.Rpc\""));
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("errors..acme.dev", "empty label")]
        [InlineData("-acme.dev", "label '-acme'")]
        [InlineData("acme dev", "label 'acme dev'")]
        [InlineData("https://acme.dev", "label 'https://acme'")]
        public void DomainMustBeDnsLike(string domain, string problem)
        {
            string text = Minimal.Replace("\"errors.acme.dev\"", "\"" + domain + "\"");
            string message = AssertOnly(text, DiagnosticIds.InvalidDomain, "\"" + domain + "\"");
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("1.0")]
        [InlineData("v1.0.0")]
        [InlineData("01.0.0")]
        [InlineData("1.0.0-")]
        [InlineData("1.0.0+")]
        public void VersionMustBeSemVer(string version)
        {
            string text = Minimal.Replace("\"1.0.0\"", "\"" + version + "\"");
            AssertOnly(text, DiagnosticIds.InvalidVersion, "\"" + version + "\"");
        }

        [Theory]
        [InlineData("1.0.0-rc.1+build.5")]
        [InlineData("10.20.30")]
        public void SemVerWithPrereleaseAndBuildIsValid(string version)
        {
            Assert.Equal(version, AssertValid(Minimal.Replace("\"1.0.0\"", "\"" + version + "\"")).Version);
        }

        [Theory]
        [InlineData("Acme.Proto")]
        [InlineData("acme.errors.V1")]
        [InlineData("acme..v1")]
        [InlineData("1acme")]
        public void ProtoPackageMustBeLowercaseDotted(string package)
        {
            string text = Minimal.Replace("\"acme.errors.v1\"", "\"" + package + "\"");
            AssertOnly(text, DiagnosticIds.InvalidProtoPackage, "\"" + package + "\"");
        }

        [Theory]
        [InlineData("not_found", "uppercase")]
        [InlineData("A", "uppercase")]
        [InlineData("FOO_", "uppercase")]
        [InlineData("_FOO", "uppercase")]
        [InlineData("9LIVES", "uppercase")]
        [InlineData("ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCD", "64 characters")]
        public void KindReasonMustBeUpperSnakeOfAtMost63(string reason, string problem)
        {
            string message = AssertOnly(Kinds(Root(reason, 1)), DiagnosticIds.InvalidReason, "\"" + reason + "\"");
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }

        [Fact]
        public void ReasonOf63CharactersIsValid()
        {
            AssertValid(Kinds(Root(new string('A', 63), 1)));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-3")]
        public void KindNumberMustBePositive(string number)
        {
            AssertOnly(Kinds(Root("A_ROOT", 1).Replace("\"number\": 1", "\"number\": " + number)), DiagnosticIds.InvalidNumber, number + ",");
        }

        [Fact]
        public void DuplicateNumberPointsAtTheSecondAndNamesTheFirst()
        {
            string text = Kinds(Root("A_ROOT", 5), Root("B_ROOT", 5));
            string message = AssertOnly(text, DiagnosticIds.DuplicateNumber, "5,", occurrence: 1);
            Assert.Contains("Kind 'B_ROOT' reuses number 5, already taken by kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ReservedNumberCannotBeUsed()
        {
            string text = WithTop("  \"reserved\": { \"numbers\": [1] }");
            AssertOnly(text, DiagnosticIds.ReservedNumber, "1, \"description\"");
        }

        [Fact]
        public void ReservedReasonCannotBeUsed()
        {
            string text = WithTop("  \"reserved\": { \"reasons\": [\"NOT_FOUND\"] }");
            AssertOnly(text, DiagnosticIds.ReservedReason, "\"NOT_FOUND\":");
        }

        [Fact]
        public void ReservedEntriesAreChecked()
        {
            string text = WithTop("  \"reserved\": { \"numbers\": [0, 4, 4], \"reasons\": [\"bad\", \"OLD\", \"OLD\"] }");
            var result = Read(text);
            Assert.Null(result.Spec);
            Assert.Equal(
                new[] { DiagnosticIds.InvalidNumber, DiagnosticIds.DuplicateListEntry, DiagnosticIds.InvalidReason, DiagnosticIds.DuplicateListEntry },
                System.Linq.Enumerable.Select(result.Diagnostics, d => d.Id));
            AssertAt(text, result.Diagnostics[1], "4]");
            AssertAt(text, result.Diagnostics[3], "\"OLD\"", occurrence: 1);
        }

        [Theory]
        [InlineData("NOT_A_CODE")]
        [InlineData("not_found")]
        [InlineData("")]
        public void UnknownCodeListsTheValidOnes(string code)
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, code: code)), DiagnosticIds.UnknownCode, "\"" + code + "\"");
            Assert.Contains("CANCELLED, UNKNOWN, INVALID_ARGUMENT", message, StringComparison.Ordinal);
            Assert.DoesNotContain("OK,", message, StringComparison.Ordinal);
        }

        [Fact]
        public void CodeOkIsRejected()
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, code: "OK")), DiagnosticIds.CodeOk, "\"OK\"");
            Assert.StartsWith("Kind 'A_ROOT' uses code OK", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("sometimes")]
        [InlineData("Never")]
        public void UnknownRetryPolicyIsReported(string retry)
        {
            AssertOnly(Kinds(Root("A_ROOT", 1, retry: retry)), DiagnosticIds.InvalidRetry, "\"" + retry + "\"");
        }

        [Theory]
        [InlineData(99)]
        [InlineData(600)]
        [InlineData(0)]
        public void HttpStatusMustBe100To599(int status)
        {
            AssertOnly(Kinds(Root("A_ROOT", 1, extra: "\"http\": " + status)), DiagnosticIds.HttpOutOfRange, status + " }");
        }

        [Fact]
        public void TwoReasonsWithTheSamePascalNameCollide()
        {
            string text = Kinds(Root("FOO_BAR", 1), Root("FOO__BAR", 2));
            string message = AssertOnly(text, DiagnosticIds.PascalNameCollision, "\"FOO__BAR\"");
            Assert.Contains("'FOO_BAR' and 'FOO__BAR' both become the C# name 'FooBar'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ClassAndInterfaceNamesOfDifferentKindsCollide()
        {
            // I_FOO → class IFooException; FOO_EXCEPTION → interface IFooException.
            string text = Kinds(Root("I_FOO", 1), Root("FOO_EXCEPTION", 2));
            string message = AssertOnly(text, DiagnosticIds.GeneratedNameCollision, "\"FOO_EXCEPTION\"");
            Assert.Contains("'IFooException' of the interface of kind 'FOO_EXCEPTION' collides with the class of kind 'I_FOO'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void KindInterfaceCollidingWithTheTaxonomyClassIsReported()
        {
            string text = Kinds(Root("FOO_TAXONOMY", 1)).Replace("\"name\": \"Acme\"", "\"name\": \"IFoo\"");
            string message = AssertOnly(text, DiagnosticIds.GeneratedNameCollision, "\"FOO_TAXONOMY\"");
            Assert.Contains("collides with the taxonomy class", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("UNSPECIFIED", "zero value")]
        [InlineData("TAXONOMY", "ErrorSdk.TaxonomyException")]
        [InlineData("UNCLASSIFIED", "ErrorSdk.UnclassifiedException")]
        [InlineData("ERROR_TAXONOMY", "ErrorSdk.IErrorTaxonomy")]
        public void KindNamesThatShadowRuntimeOrEnumNamesAreReported(string reason, string collidesWith)
        {
            string message = AssertOnly(Kinds(Root(reason, 1)), DiagnosticIds.GeneratedNameCollision, "\"" + reason + "\"");
            Assert.Contains(collidesWith, message, StringComparison.Ordinal);
        }

        [Fact]
        public void KeywordLikeReasonIsFineBecauseOfTheSuffix()
        {
            var spec = AssertValid(Kinds(Root("CLASS", 1), Root("STRING", 2)));
            Assert.Equal("ClassException", spec.Kinds[0].ClassName);
            Assert.Equal("IString", spec.Kinds[1].InterfaceName);
        }

        [Theory]
        [InlineData("\"fallback_for\": [\"INTERNAL\", \"INTERNAL\"]", "fallback_for")]
        [InlineData("\"match\": { \"http_status\": [500, 500] }", "match.http_status")]
        [InlineData("\"match\": { \"http_status\": [\"5xx\", \"5xx\"] }", "match.http_status")]
        [InlineData("\"match\": { \"transport\": [\"tls\", \"tls\"] }", "match.transport")]
        public void DuplicateListEntryIsReportedAtTheSecond(string extra, string list)
        {
            string text = Kinds(Root("A_ROOT", 1, code: "INTERNAL", extra: extra));
            var result = Read(text);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.DuplicateListEntry, diagnostic.Id);
            Assert.Contains("in '" + list + "' of kind 'A_ROOT'", DiagnosticCatalog.FormatMessage(diagnostic), StringComparison.Ordinal);
            Assert.Equal(text.IndexOf(extra, StringComparison.Ordinal) + extra.LastIndexOf(", ", StringComparison.Ordinal) + 2, diagnostic.Span!.Start);
        }
    }
}
