using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Diagnostics;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Parsing
{
    /// <summary>ESDK100-ESDK105: the shape of the document (root, property names, presence, value types).</summary>
    public class StructureTests
    {
        [Theory]
        [InlineData("null", "null")]
        [InlineData("[]", "an array")]
        [InlineData("[{\"name\": \"Acme\"}]", "an array")]
        [InlineData("\"taxonomy\"", "a string")]
        [InlineData("42", "a number")]
        [InlineData("  true", "true")]
        public void RootMustBeAnObject(string text, string found)
        {
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.RootNotObject, diagnostic.Id);
            Assert.Equal(text.TrimStart().Length == text.Length ? 0 : 2, diagnostic.Span!.StartColumn);
            Assert.Contains("found " + found, DiagnosticCatalog.FormatMessage(diagnostic), StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownTopLevelPropertyListsTheAllowedOnes()
        {
            string message = AssertOnly(WithTop("  \"nmae\": \"x\""), DiagnosticIds.UnknownProperty, "\"nmae\"");
            Assert.Contains("'nmae' in the taxonomy", message, StringComparison.Ordinal);
            Assert.Contains("$schema, name, namespace, domain, version, proto_package, reserved, kinds", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\"retries\": 3", "\"retries\"", "kind 'A_ROOT'")]
        [InlineData("\"fields\": { \"a\": { \"type\": \"int\", \"secret\": true } }", "\"secret\"", "field 'a' of kind 'A_ROOT'")]
        [InlineData("\"aliases\": [ { \"reason\": \"OLD\", \"code\": \"INTERNAL\", \"why\": 1 } ]", "\"why\"", "an alias of kind 'A_ROOT'")]
        [InlineData("\"match\": { \"grpc\": [] }", "\"grpc\"", "'match' of kind 'A_ROOT'")]
        public void UnknownNestedPropertyIsReportedAtItsName(string extra, string snippet, string context)
        {
            string message = AssertOnly(Kinds(Root("A_ROOT", 1, extra: extra)), DiagnosticIds.UnknownProperty, snippet);
            Assert.Contains(context, message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnknownReservedPropertyIsReported()
        {
            AssertOnly(WithTop("  \"reserved\": { \"names\": [] }"), DiagnosticIds.UnknownProperty, "\"names\"");
        }

        [Theory]
        [InlineData("name")]
        [InlineData("namespace")]
        [InlineData("domain")]
        [InlineData("version")]
        [InlineData("proto_package")]
        public void MissingTopLevelPropertyIsReportedAtTheRootBrace(string property)
        {
            string text = Minimal.Replace("\"" + property + "\":", "\"$schema\":");
            string message = AssertOnly(text, DiagnosticIds.MissingProperty, "{");
            Assert.Contains("'" + property + "' in the taxonomy", message, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingKindsIsReported()
        {
            string text = Header + "\n  \"reserved\": {}\n}";
            AssertOnly(text, DiagnosticIds.MissingProperty, "{");
        }

        [Fact]
        public void MissingKindNumberIsReportedAtTheKindKey()
        {
            string text = Minimal.Replace("\"number\": 1, ", string.Empty);
            string message = AssertOnly(text, DiagnosticIds.MissingProperty, "\"NOT_FOUND\"");
            Assert.Contains("'number' in kind 'NOT_FOUND'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingKindDescriptionIsReportedAtTheKindKey()
        {
            string text = Minimal.Replace("\"description\": \"Not found.\", ", string.Empty);
            AssertOnly(text, DiagnosticIds.MissingProperty, "\"NOT_FOUND\"");
        }

        [Fact]
        public void MissingFieldTypeIsReportedAtTheFieldName()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"fields\": { \"count\": { \"optional\": true } }"));
            AssertOnly(text, DiagnosticIds.MissingProperty, "\"count\"");
        }

        [Fact]
        public void MissingAliasCodeIsReportedAtTheAliasBrace()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"aliases\": [ { \"reason\": \"LEGACY\" } ]"));
            AssertOnly(text, DiagnosticIds.MissingProperty, "{ \"reason\"");
        }

        [Theory]
        [InlineData("name", "5", "a string", "a number")]
        [InlineData("name", "null", "a string", "null")]
        [InlineData("kinds", "[]", "an object", "an array")]
        [InlineData("reserved", "[7]", "an object", "an array")]
        [InlineData("$schema", "{}", "a string", "an object")]
        public void WrongTopLevelValueTypeIsReportedAtTheValue(string property, string value, string expected, string found)
        {
            string member = "\"" + property + "\": " + value;
            string text = property switch
            {
                "name" => Minimal.Replace("\"name\": \"Acme\"", member),
                "kinds" => Header + "\n  " + member + "\n}",
                _ => WithTop("  " + member),
            };
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.WrongType, diagnostic.Id);
            AssertAt(text, diagnostic, member, offset: member.Length - value.Length);
            Assert.Contains("must be " + expected + ", found " + found, DiagnosticCatalog.FormatMessage(diagnostic), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\"number\": \"3\"", "\"3\"")]
        [InlineData("\"parents\": \"A_ROOT\"", "\"A_ROOT\"")]
        [InlineData("\"parents\": [3]", "3]")]
        [InlineData("\"abstract\": \"yes\"", "\"yes\"")]
        [InlineData("\"fields\": []", "[]")]
        [InlineData("\"fields\": { \"a\": \"int\" }", "\"int\"")]
        [InlineData("\"fields\": { \"a\": { \"type\": \"int\", \"optional\": 1 } }", "1 }")]
        [InlineData("\"aliases\": {}", "{}")]
        [InlineData("\"aliases\": [\"OLD\"]", "\"OLD\"")]
        [InlineData("\"match\": { \"http_status\": [true] }", "true")]
        [InlineData("\"match\": { \"transport\": \"timeout\" }", "\"timeout\"")]
        [InlineData("\"deprecated\": true", "true")]
        [InlineData("\"message\": [\"a\"]", "[\"a\"]")]
        [InlineData("\"code\": 14", "14")]
        public void WrongKindValueTypeIsReportedAtTheValueWithoutCascades(string member, string snippet)
        {
            // A child kind, so a bad value never also triggers the root's required-property rule.
            var members = new List<string> { "\"number\": 2", "\"description\": \"D.\"", "\"parents\": [\"A_ROOT\"]" };
            string key = member.Substring(0, member.IndexOf(':', StringComparison.Ordinal));
            members.RemoveAll(m => m.StartsWith(key, StringComparison.Ordinal));
            members.Add(member);
            string text = Kinds(Root("A_ROOT", 1), "    \"B_KIND\": { " + string.Join(", ", members) + " }");
            int line = PositionOf(text, "\"B_KIND\"").Line;
            string lineText = text.Split('\n')[line - 1];
            int column = lineText.IndexOf(member, StringComparison.Ordinal) + member.LastIndexOf(snippet, StringComparison.Ordinal) + 1;
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.True(diagnostic.Id == DiagnosticIds.WrongType, Describe(result));
            Assert.Equal((line, column), (diagnostic.Span!.StartLine + 1, diagnostic.Span.StartColumn + 1));
        }

        [Theory]
        [InlineData("3.5")]
        [InlineData("3.0")]
        [InlineData("1e3")]
        [InlineData("99999999999")]
        [InlineData("-2147483649")]
        [InlineData("123456789012345678901234567890")]
        public void NumberMustBeA32BitInteger(string number)
        {
            string text = Minimal.Replace("\"number\": 1", "\"number\": " + number);
            string message = AssertOnly(text, DiagnosticIds.NotAnInteger, number);
            Assert.Contains("found " + number, message, StringComparison.Ordinal);
        }

        [Fact]
        public void HttpBeyondInt32IsNotAnInteger()
        {
            AssertOnly(Kinds(Root("A_ROOT", 1, extra: "\"http\": 4294967296")), DiagnosticIds.NotAnInteger, "4294967296");
        }

        [Fact]
        public void ReservedNumberMustBeAnInteger()
        {
            AssertOnly(WithTop("  \"reserved\": { \"numbers\": [7.5] }"), DiagnosticIds.NotAnInteger, "7.5");
        }

        [Theory]
        [InlineData("\"description\": \"Not found.\"", "\"description\": \"  \"", "\"  \"")]
        [InlineData("\"message\": \"Not found.\"", "\"message\": \"\"", "\"\" }")]
        public void BlankDescriptionOrMessageIsReported(string from, string to, string snippet)
        {
            AssertOnly(Minimal.Replace(from, to), DiagnosticIds.EmptyString, snippet);
        }

        [Fact]
        public void BlankDeprecationIsReported()
        {
            AssertOnly(Kinds(Root("A_ROOT", 1, extra: "\"deprecated\": \"\"")), DiagnosticIds.EmptyString, "\"\" }");
        }

        [Fact]
        public void EmptyKindsIsReportedAtTheObject()
        {
            string text = Header + "\n  \"kinds\": { }\n}";
            AssertOnly(text, DiagnosticIds.NoKinds, "{ }");
        }
    }
}
