using System;
using System.Linq;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>ESDK400-ESDK406: field names and types, collisions, and message placeholders pointed at inside the string.</summary>
    public class FieldAndTemplateTests
    {
        private static string WithField(string name, string declaration = "{ \"type\": \"string\" }", string message = "Failed.") =>
            Kinds(Root("A_ROOT", 1, message: message, extra: "\"fields\": { \"" + name + "\": " + declaration + " }"));

        [Theory]
        [InlineData("Provider", "lowercase")]
        [InlineData("provider_id", "lowercase")]
        [InlineData("1st", "lowercase")]
        [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde", "65 characters")]
        public void FieldNameMustBeLowerCamelOfAtMost64(string name, string problem)
        {
            string message = AssertOnly(WithField(name), DiagnosticIds.InvalidFieldName, "\"" + name + "\"");
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownFieldTypeIsReportedAtTheType()
        {
            string message = AssertOnly(WithField("count", "{ \"type\": \"number\" }"), DiagnosticIds.InvalidFieldType, "\"number\" }");
            Assert.Contains("Use one of: string, int, bool, duration, uri", message, StringComparison.Ordinal);
        }

        [Fact]
        public void InvalidFieldTypeHidesNoUnrelatedDiagnosticAndCausesNoCascade()
        {
            string text = Kinds(
                Root("A_ROOT", 1, code: "UNAVAILABLE", retry: "never", message: "{count} {other}", extra: "\"fields\": { \"message\": { \"type\": \"strin\" }, \"count\": { \"type\": \"int\" } }"),
                Child("B_CHILD", 2, "\"A_ROOT\"", "\"message\": \"{message}\""));
            var result = Read(text);
            Assert.Equal(new[] { DiagnosticIds.NeverWithUnavailable, DiagnosticIds.FieldMemberCollision, DiagnosticIds.InvalidFieldType }, result.Diagnostics.Select(d => d.Id));
        }

        [Fact]
        public void FieldsOfTheWrongTypeCauseNoPlaceholderCascade()
        {
            string text = Kinds(Root("A_ROOT", 1, message: "{count}", extra: "\"fields\": { \"count\": \"int\" }"));
            AssertOnly(text, DiagnosticIds.WrongType, "\"int\" }");
        }

        [Fact]
        public void FieldRedeclaringAnInheritedOneIsReported()
        {
            string text = Kinds(
                Root("A_ROOT", 1, extra: "\"fields\": { \"tool\": { \"type\": \"string\" } }"),
                Child("B_CHILD", 2, "\"A_ROOT\"", "\"fields\": { \"tool\": { \"type\": \"string\" } }"));
            string message = AssertOnly(text, DiagnosticIds.FieldHidesInherited, "\"tool\"", occurrence: 1);
            Assert.Contains("already inherited from kind 'A_ROOT'", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("message", "Message")]
        [InlineData("retryAfter", "RetryAfter")]
        [InlineData("innerException", "InnerException")]
        [InlineData("hResult", "HResult")]
        [InlineData("toStatus", "ToStatus")]
        [InlineData("kind", "Kind")]
        [InlineData("received", "Received")]
        public void FieldCollidingWithABaseMemberIsReported(string name, string property)
        {
            string message = AssertOnly(WithField(name), DiagnosticIds.FieldMemberCollision, "\"" + name + "\": {");
            Assert.Contains("becomes property '" + property + "', which collides with the inherited member", message, StringComparison.Ordinal);
        }

        [Fact]
        public void FieldNamedLikeItsOwnClassIsReported()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"fields\": { \"aRootException\": { \"type\": \"string\" } }"));
            string message = AssertOnly(text, DiagnosticIds.FieldMemberCollision, "\"aRootException\"");
            Assert.Contains("its own class", message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownPlaceholderPointsAtThePlaceholder()
        {
            string text = WithField("tool", message: "Tool {tool} failed: {reasn}.");
            string message = AssertOnly(text, DiagnosticIds.UnknownPlaceholder, "{reasn}");
            Assert.Contains("Placeholder '{reasn}' in the message of kind 'A_ROOT' is not a field of the kind (fields: tool)", message, StringComparison.Ordinal);
            var span = Read(text).Diagnostics[0].Span!;
            Assert.Equal("{reasn}", text.Substring(span.Start, span.Length));
        }

        [Fact]
        public void PlaceholderColumnIsExactAfterEscapes()
        {
            // \" and \u00e9 are 2 and 6 characters in the file but 1 in the value.
            string text = WithField("tool", message: "Say \\\"caf\\u00e9\\\" {nope}.");
            var diagnostic = Assert.Single(Read(text).Diagnostics);
            Assert.Equal(DiagnosticIds.UnknownPlaceholder, diagnostic.Id);
            Assert.Equal("{nope}", text.Substring(diagnostic.Span!.Start, diagnostic.Span.Length));
            AssertAt(text, diagnostic, "{nope}");
        }

        [Fact]
        public void PlaceholderSpanCoversEscapesInsideIt()
        {
            string text = WithField("tool", message: "x {\\u0074ool2}");
            var diagnostic = Assert.Single(Read(text).Diagnostics);
            Assert.Equal("{\\u0074ool2}", text.Substring(diagnostic.Span!.Start, diagnostic.Span.Length));
        }

        [Fact]
        public void PlaceholderMayNameAnInheritedField()
        {
            var spec = AssertValid(Kinds(
                Root("A_ROOT", 1, extra: "\"fields\": { \"tool\": { \"type\": \"string\" } }"),
                Child("B_CHILD", 2, "\"A_ROOT\"", "\"message\": \"{tool} and {extra}\", \"fields\": { \"extra\": { \"type\": \"int\" } }")));
            Assert.Equal(new[] { "tool", "extra" }, spec.Kinds[1].Message.Parts.Where(p => p.IsField).Select(p => p.Value));
        }

        [Fact]
        public void SensitivePlaceholderIsReported()
        {
            string text = WithField("token", "{ \"type\": \"string\", \"sensitive\": true }", "Bad token {token}.");
            string message = AssertOnly(text, DiagnosticIds.SensitivePlaceholder, "{token}");
            Assert.Contains("inserts sensitive field 'token'", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Open { brace", "{ brace", "no closing '}'")]
        [InlineData("Close } brace", "} brace", "a lone '}'")]
        [InlineData("Empty {} here", "{} here", "an empty placeholder")]
        [InlineData("Nested {a{tool} x", "{a{", "no closing '}'")]
        [InlineData("End {", "{\"", "no closing '}'")]
        public void UnbalancedBraceIsReportedAtTheBrace(string template, string snippet, string problem)
        {
            string text = WithField("tool", message: template);
            string message = AssertOne(text, DiagnosticIds.UnbalancedBrace, snippet);
            Assert.Contains(problem, message, StringComparison.Ordinal);
        }

        [Fact]
        public void TemplatePartsUnescapeDoubledBraces()
        {
            var spec = AssertValid(WithField("tool", message: "{{literal}} {tool} }}{{ {{{tool}}}"));
            var parts = spec.Kinds[0].Message.Parts;
            Assert.Equal(
                new[] { new TemplatePart(false, "{literal} "), new TemplatePart(true, "tool"), new TemplatePart(false, " }{ {"), new TemplatePart(true, "tool"), new TemplatePart(false, "}") },
                parts);
            Assert.Equal("{{literal}} {tool} }}{{ {{{tool}}}", spec.Kinds[0].Message.Text);
        }

        [Fact]
        public void FieldSpecCarriesNamesTypesAndFlags()
        {
            var spec = AssertValid(WithField("endpoint", "{ \"type\": \"uri\", \"optional\": true, \"sensitive\": true, \"description\": \"Where.\" }"));
            Assert.Equal(new FieldSpec("endpoint", "Endpoint", FieldKind.Uri, true, true, "Where.", "A_ROOT"), spec.Kinds[0].OwnFields.Single());
        }
    }
}
