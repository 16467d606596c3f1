using System;
using System.Linq;
using System.Text;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>ESDK200-ESDK206 and the resolution of inherited values.</summary>
    public class InheritanceTests
    {
        [Fact]
        public void UnknownParentIsReportedAtTheParentEntry()
        {
            string text = Kinds(Root("A_ROOT", 1), Child("B_CHILD", 2, "\"A_ROOT\", \"NOPE\""));
            string message = AssertOnly(text, DiagnosticIds.UnknownParent, "\"NOPE\"");
            Assert.Contains("Kind 'B_CHILD' names unknown parent 'NOPE'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownFirstParentDoesNotCascade()
        {
            // The child cannot inherit code/retry/message, but only the unknown parent is reported.
            AssertOnly(Kinds(Child("B_CHILD", 2, "\"NOPE\"")), DiagnosticIds.UnknownParent, "\"NOPE\"");
        }

        [Fact]
        public void SelfParentIsReported()
        {
            string text = Kinds(Root("A_ROOT", 1), Child("B_CHILD", 2, "\"A_ROOT\", \"B_CHILD\""));
            AssertOnly(text, DiagnosticIds.SelfParent, "\"B_CHILD\"]");
        }

        [Fact]
        public void DuplicateParentIsReportedAtTheSecond()
        {
            string text = Kinds(Root("A_ROOT", 1), Child("B_CHILD", 2, "\"A_ROOT\", \"A_ROOT\""));
            AssertOnly(text, DiagnosticIds.DuplicateParent, "\"A_ROOT\"]");
        }

        [Fact]
        public void TwoKindCycleIsReportedOnce()
        {
            string text = Kinds(Child("A_KIND", 1, "\"B_KIND\""), Child("B_KIND", 2, "\"A_KIND\""));
            string message = AssertOnly(text, DiagnosticIds.InheritanceCycle, "\"B_KIND\"]");
            Assert.Contains("Inheritance cycle: A_KIND -> B_KIND -> A_KIND", message, StringComparison.Ordinal);
        }

        [Fact]
        public void CycleThroughASecondaryParentIsReportedOnceAndKindsBelowItAreQuiet()
        {
            string text = Kinds(
                Root("R_ROOT", 1),
                Child("C_KIND", 4, "\"R_ROOT\", \"A_KIND\""),
                Child("A_KIND", 2, "\"R_ROOT\", \"B_KIND\""),
                Child("B_KIND", 3, "\"A_KIND\""),
                Child("D_BELOW", 5, "\"C_KIND\""));
            string message = AssertOnly(text, DiagnosticIds.InheritanceCycle, "\"B_KIND\"]");
            Assert.Contains("A_KIND -> B_KIND -> A_KIND", message, StringComparison.Ordinal);
        }

        [Fact]
        public void LongCycleIsNamedShortly()
        {
            var kinds = Enumerable.Range(0, 1000).Select(i => Child("K_" + i, i + 1, "\"K_" + ((i + 1) % 1000) + "\"")).ToArray();
            var result = Read(Kinds(kinds));
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.InheritanceCycle, diagnostic.Id);
            string message = DiagnosticCatalog.FormatMessage(diagnostic);
            Assert.Contains("K_0 -> K_1 -> K_2 -> K_3 -> ... -> K_998 -> K_999 -> K_0 (1000 kinds)", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("code")]
        [InlineData("retry")]
        [InlineData("message")]
        public void RootMustDeclareCodeRetryAndMessage(string property)
        {
            string kind = property switch
            {
                "code" => "    \"A_ROOT\": { \"number\": 1, \"description\": \"D.\", \"retry\": \"never\", \"message\": \"M.\" }",
                "retry" => "    \"A_ROOT\": { \"number\": 1, \"description\": \"D.\", \"code\": \"INTERNAL\", \"message\": \"M.\" }",
                _ => "    \"A_ROOT\": { \"number\": 1, \"description\": \"D.\", \"code\": \"INTERNAL\", \"retry\": \"never\" }",
            };
            string message = AssertOnly(Kinds(kind), DiagnosticIds.RootMissingRequired, "\"A_ROOT\"");
            Assert.Contains("must declare '" + property + "'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ChildInheritsFromTheFirstParentTransitively()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, code: "UNAVAILABLE", retry: "transient", message: "Root.", extra: "\"http\": 502"),
                Root("B_ROOT", 2, code: "UNAVAILABLE", retry: "transient", message: "Other.", extra: "\"http\": 503"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\""),
                Child("D_GRANDCHILD", 4, "\"C_CHILD\"")));
            var d = spec.Kinds[3];
            Assert.Equal(("UNAVAILABLE", 14, 502, RetryKind.Transient, "Root."), (d.CodeName, d.CodeValue, d.HttpStatus, d.Retry, d.Message.Text));
            Assert.Equal(new[] { "C_CHILD", "A_ROOT", "B_ROOT" }, d.Ancestors);
            Assert.Equal("C_CHILD", d.BaseReason);
        }

        [Fact]
        public void ChildThatChangesItsCodeTakesTheNewCodesHttpStatus()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, code: "UNKNOWN"),
                Child("B_CHILD", 2, "\"A_ROOT\"", "\"code\": \"NOT_FOUND\""),
                Child("C_CHILD", 3, "\"A_ROOT\"")));
            Assert.Equal(500, spec.Kinds[0].HttpStatus);
            Assert.Equal(404, spec.Kinds[1].HttpStatus);
            Assert.Equal(500, spec.Kinds[2].HttpStatus);
        }

        [Fact]
        public void ThousandDeepChainResolvesWithoutDeepRecursion()
        {
            var kinds = new StringBuilder();
            kinds.Append(Root("K_0", 1, extra: "\"fields\": { \"f0\": { \"type\": \"int\" } }"));
            for (int i = 1; i < 1000; i++)
            {
                kinds.Append(",\n").Append(Child("K_" + i, i + 1, "\"K_" + (i - 1) + "\"", i % 100 == 0 ? "\"fields\": { \"f" + i + "\": { \"type\": \"bool\" } }" : string.Empty));
            }

            var spec = AssertValid(WithKinds(kinds.ToString()));
            var last = spec.Kinds[999];
            Assert.Equal(999, last.Ancestors.Count);
            Assert.Equal("K_998", last.Ancestors[0]);
            Assert.Equal("K_0", last.Ancestors[998]);
            Assert.Equal(new[] { "f0", "f100", "f200", "f300", "f400", "f500", "f600", "f700", "f800", "f900" }, last.AllFields.Select(f => f.Name));
        }

        [Fact]
        public void DiamondRequiresTheSecondaryAncestorsFields()
        {
            string text = Kinds(
                Root("A_ROOT", 1),
                Root("B_ROOT", 2, extra: "\"fields\": { \"limit\": { \"type\": \"int\" } }"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\""));
            string message = AssertOnly(text, DiagnosticIds.DiamondFieldConflict, "\"parents\"", occurrence: 0);
            Assert.Contains("Kind 'C_CHILD' reaches kind 'B_ROOT' through a secondary parent, so it must have field 'limit' (int, required)", message, StringComparison.Ordinal);
            Assert.Contains("it has no such field", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{ \"type\": \"string\" }", "is string, required")]
        [InlineData("{ \"type\": \"int\", \"optional\": true }", "is int, optional")]
        [InlineData("{ \"type\": \"int\", \"sensitive\": true }", "is int, required, sensitive")]
        public void DiamondFieldMustMatchTypeOptionalityAndSensitivity(string declaration, string actual)
        {
            string text = Kinds(
                Root("A_ROOT", 1),
                Root("B_ROOT", 2, extra: "\"fields\": { \"limit\": { \"type\": \"int\" } }"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\"", "\"fields\": { \"limit\": " + declaration + " }"));
            string message = AssertOnly(text, DiagnosticIds.DiamondFieldConflict, "\"limit\"", occurrence: 1);
            Assert.Contains(actual, message, StringComparison.Ordinal);
        }

        [Fact]
        public void DiamondIsSatisfiedByAMatchingDeclarationAndReportedOnlyWhereItArises()
        {
            string text = Kinds(
                Root("A_ROOT", 1),
                Root("B_ROOT", 2, extra: "\"fields\": { \"limit\": { \"type\": \"int\" } }"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\"", "\"fields\": { \"limit\": { \"type\": \"int\" } }"),
                Child("D_GRANDCHILD", 4, "\"C_CHILD\""));
            var spec = AssertValid(text);
            Assert.Equal(new[] { "C_CHILD", "A_ROOT", "B_ROOT" }, spec.Kinds[3].Ancestors);
            Assert.Equal("C_CHILD", Assert.Single(spec.Kinds[3].AllFields).DeclaringReason);
        }

        [Fact]
        public void DiamondThroughAnIntermediateKindIsReportedOnTheIntermediateOnly()
        {
            string text = Kinds(
                Root("A_ROOT", 1),
                Root("B_ROOT", 2, extra: "\"fields\": { \"limit\": { \"type\": \"int\" } }"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\""),
                Child("D_GRANDCHILD", 4, "\"C_CHILD\""),
                Child("E_OTHER", 5, "\"A_ROOT\", \"D_GRANDCHILD\"", "\"fields\": { \"limit\": { \"type\": \"int\" } }"));
            // C_CHILD lacks 'limit'; D_GRANDCHILD (first-parent chain) and E_OTHER (declares it) are not blamed too.
            string message = AssertOnly(text, DiagnosticIds.DiamondFieldConflict, "\"parents\"", occurrence: 0);
            Assert.StartsWith("Kind 'C_CHILD'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ParentsThatDisagreeOnCodeAreAnErrorAtTheParents()
        {
            string text = Kinds(
                Root("A_ROOT", 1, code: "INTERNAL", retry: "never"),
                Root("B_ROOT", 2, code: "UNKNOWN", retry: "never"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\""));
            string message = AssertOnly(text, DiagnosticIds.DiamondValueConflict, "\"parents\"");
            Assert.Contains("Kind 'C_CHILD' does not declare 'code', and its parents disagree on it: A_ROOT has INTERNAL, B_ROOT has UNKNOWN.", message, StringComparison.Ordinal);
            Assert.Contains("Declare 'code' in kind 'C_CHILD' explicitly", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ParentsThatDisagreeOnRetryAreAnErrorAtTheParents()
        {
            string text = Kinds(
                Root("A_ROOT", 1, code: "UNAVAILABLE", retry: "transient"),
                Root("B_ROOT", 2, code: "UNAVAILABLE", retry: "throttled"),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\""));
            string message = AssertOnly(text, DiagnosticIds.DiamondValueConflict, "\"parents\"");
            Assert.Contains("Kind 'C_CHILD' does not declare 'retry', and its parents disagree on it: A_ROOT has transient, B_ROOT has throttled.", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ParentsThatDisagreeOnBothGiveOneErrorEachAtTheParents()
        {
            string text = Kinds(
                Root("TOOL_ERROR", 1, code: "UNKNOWN", retry: "never"),
                Root("TOO_MANY_REQUESTS", 2, code: "RESOURCE_EXHAUSTED", retry: "throttled"),
                Child("TOOL_RATE_LIMIT", 3, "\"TOOL_ERROR\", \"TOO_MANY_REQUESTS\""));
            var result = Read(text);
            Assert.Null(result.Spec);
            Assert.Equal(2, result.Diagnostics.Count);
            Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.DiamondValueConflict, d.Id));
            Assert.All(result.Diagnostics, d => AssertAt(text, d, "\"parents\""));

            // The header takes lines 1-6 and "kinds" line 7: TOOL_RATE_LIMIT is on line 10, its "parents" at column 60.
            Assert.All(result.Diagnostics, d => Assert.Equal((10, 60), (d.Span!.StartLine + 1, d.Span.StartColumn + 1)));
            var messages = result.Diagnostics.Select(DiagnosticCatalog.FormatMessage).OrderBy(m => m, StringComparer.Ordinal).ToList();
            Assert.Contains("'code', and its parents disagree on it: TOOL_ERROR has UNKNOWN, TOO_MANY_REQUESTS has RESOURCE_EXHAUSTED", messages[0], StringComparison.Ordinal);
            Assert.Contains("'retry', and its parents disagree on it: TOOL_ERROR has never, TOO_MANY_REQUESTS has throttled", messages[1], StringComparison.Ordinal);
        }

        [Fact]
        public void DeclaringCodeAndRetryResolvesTheDisagreement()
        {
            var spec = AssertValid(Kinds(
                Root("TOOL_ERROR", 1, code: "UNKNOWN", retry: "never", message: "Tool."),
                Root("TOO_MANY_REQUESTS", 2, code: "RESOURCE_EXHAUSTED", retry: "throttled", message: "Slow down."),
                Child("TOOL_RATE_LIMIT", 3, "\"TOOL_ERROR\", \"TOO_MANY_REQUESTS\"", "\"code\": \"RESOURCE_EXHAUSTED\", \"retry\": \"throttled\"")));
            var kind = spec.Kinds[2];
            Assert.Equal(("RESOURCE_EXHAUSTED", RetryKind.Throttled, 429, "Tool."), (kind.CodeName, kind.Retry, kind.HttpStatus, kind.Message.Text));
        }

        [Fact]
        public void DeclaringOnlyTheCodeLeavesTheRetryDisagreement()
        {
            string text = Kinds(
                Root("TOOL_ERROR", 1, code: "UNKNOWN", retry: "never"),
                Root("TOO_MANY_REQUESTS", 2, code: "RESOURCE_EXHAUSTED", retry: "throttled"),
                Child("TOOL_RATE_LIMIT", 3, "\"TOOL_ERROR\", \"TOO_MANY_REQUESTS\"", "\"code\": \"RESOURCE_EXHAUSTED\""));
            string message = AssertOnly(text, DiagnosticIds.DiamondValueConflict, "\"parents\"");
            Assert.Contains("does not declare 'retry'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ResolvedValuesAreComparedAndEveryParentIsListed()
        {
            // B_CHILD inherits INTERNAL from A_ROOT, so it agrees with C_ROOT's declared INTERNAL; only D_ROOT disagrees.
            string text = Kinds(
                Root("A_ROOT", 1, code: "INTERNAL", retry: "never"),
                Child("B_CHILD", 2, "\"A_ROOT\""),
                Root("C_ROOT", 3, code: "INTERNAL", retry: "never"),
                Root("D_ROOT", 4, code: "DATA_LOSS", retry: "never"),
                Child("E_AGREES", 5, "\"B_CHILD\", \"C_ROOT\""),
                Child("F_DISAGREES", 6, "\"B_CHILD\", \"C_ROOT\", \"D_ROOT\""),
                Child("G_BELOW", 7, "\"F_DISAGREES\""));
            string message = AssertOnly(text, DiagnosticIds.DiamondValueConflict, "\"parents\"", occurrence: 2);
            Assert.Contains("Kind 'F_DISAGREES' does not declare 'code', and its parents disagree on it: B_CHILD has INTERNAL, C_ROOT has INTERNAL, D_ROOT has DATA_LOSS.", message, StringComparison.Ordinal);
        }

        [Fact]
        public void ParentsThatDisagreeOnlyOnMessageAndHttpAreFineTheFirstWins()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, code: "INTERNAL", retry: "never", message: "First.", extra: "\"http\": 502"),
                Root("B_ROOT", 2, code: "INTERNAL", retry: "never", message: "Second."),
                Child("C_CHILD", 3, "\"A_ROOT\", \"B_ROOT\"")));
            Assert.Equal(("INTERNAL", RetryKind.Never, 502, "First."), (spec.Kinds[2].CodeName, spec.Kinds[2].Retry, spec.Kinds[2].HttpStatus, spec.Kinds[2].Message.Text));
        }
    }
}
