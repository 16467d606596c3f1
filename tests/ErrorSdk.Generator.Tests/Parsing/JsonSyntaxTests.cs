using System;
using System.Linq;
using ErrorSdk.Generator.Diagnostics;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Parsing
{
    /// <summary>ESDK0xx: the JSON reader's diagnostics, each at its exact 1-based line and column.</summary>
    public class JsonSyntaxTests
    {
        [Theory]
        [InlineData("{\n  \"name\": }", 2, 11, "unexpected '}'")]
        [InlineData("{\n  \"name\": \"Acme", 2, 11, "unterminated string")]
        [InlineData("{\n  \"name\": \"A\\qB\"", 2, 13, "invalid escape '\\q'")]
        [InlineData("{\n  \"name\": \"A\\u12G4\"", 2, 13, "invalid \\u escape")]
        [InlineData("{\n  \"n\": 012 }", 2, 8, "leading zeros")]
        [InlineData("{\n  \"n\": -x }", 2, 9, "expected a digit after '-'")]
        [InlineData("{\n  \"n\": 1. }", 2, 10, "expected a digit after '.'")]
        [InlineData("{\n  \"n\": 1e+ }", 2, 11, "exponent")]
        [InlineData("{\n  \"n\": True }", 2, 8, "'True'")]
        [InlineData("{\n  \"n\": NaN }", 2, 8, "'NaN'")]
        [InlineData("{\n  'n': 1 }", 2, 3, "property name in double quotes")]
        [InlineData("{\n  \"n\" 1 }", 2, 7, "expected ':'")]
        [InlineData("{\n  \"n\": 1 \"m\": 2 }", 2, 10, "expected ',' or '}'")]
        [InlineData("[1 2]", 1, 4, "expected ',' or ']'")]
        [InlineData("{} {}", 1, 4, "after the root value")]
        [InlineData("{\n  \"n\": \"a\tb\" }", 2, 10, "control character U+0009")]
        [InlineData("{\n  \"n\": [1,", 2, 11, "unexpected end of file")]
        [InlineData("{\n  \"n\": \u00A01 }", 2, 8, "U+00A0")]
        public void SyntaxErrorIsReportedOnceAtTheOffendingCharacter(string text, int line, int column, string detail)
        {
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.JsonSyntax, diagnostic.Id);
            Assert.Equal((line, column), (diagnostic.Span!.StartLine + 1, diagnostic.Span.StartColumn + 1));
            Assert.Contains(detail, DiagnosticCatalog.FormatMessage(diagnostic), StringComparison.Ordinal);
        }

        [Fact]
        public void LineCommentIsRejectedAndEveryCommentIsListed()
        {
            string text = Minimal.Replace("\"name\": \"Acme\",", "\"name\": \"Acme\", // the product\n  /* block\n comment */");
            var result = Read(text);
            Assert.Null(result.Spec);
            Assert.Equal(new[] { DiagnosticIds.JsonComment, DiagnosticIds.JsonComment }, result.Diagnostics.Select(d => d.Id));
            AssertAt(text, result.Diagnostics[0], "// the product");
            AssertAt(text, result.Diagnostics[1], "/* block");
            Assert.Equal(2, result.Diagnostics[1].Span!.EndLine - result.Diagnostics[1].Span!.StartLine + 1);
            Assert.Contains("RFC 8259", DiagnosticCatalog.FormatMessage(result.Diagnostics[0]), StringComparison.Ordinal);
        }

        [Fact]
        public void TrailingCommaInObjectIsRejectedAtTheComma()
        {
            string text = Minimal.Replace("\"message\": \"Not found.\" }", "\"message\": \"Not found.\", }");
            string message = AssertOnly(text, DiagnosticIds.JsonTrailingComma, "\", }", offset: 1);
            Assert.Contains("before '}'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void TrailingCommaInArrayIsRejectedAtTheComma()
        {
            string text = Kinds(Root("A_ROOT", 1), Child("A_CHILD", 2, "\"A_ROOT\","));
            string message = AssertOnly(text, DiagnosticIds.JsonTrailingComma, "\"A_ROOT\",]", offset: 8);
            Assert.Contains("before ']'", message, StringComparison.Ordinal);
        }

        [Fact]
        public void DuplicateTopLevelKeyPointsAtTheSecondAndNamesTheFirstLine()
        {
            string text = WithTop("  \"name\": \"Other\"");
            string message = AssertOnly(text, DiagnosticIds.JsonDuplicateKey, "\"name\"", occurrence: 1);
            Assert.Contains("'name'", message, StringComparison.Ordinal);
            Assert.Contains("line 2", message, StringComparison.Ordinal);
        }

        [Fact]
        public void DuplicateKindKeyIsADuplicateKey()
        {
            string text = Kinds(Root("A_ROOT", 1), Root("A_ROOT", 2));
            AssertOnly(text, DiagnosticIds.JsonDuplicateKey, "\"A_ROOT\"", occurrence: 1);
        }

        [Fact]
        public void DuplicateKeyInsideAKindIsReported()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"number\": 2"));
            AssertOnly(text, DiagnosticIds.JsonDuplicateKey, "\"number\"", occurrence: 1);
        }

        [Fact]
        public void DuplicateKeyInsideAFieldIsReported()
        {
            string text = Kinds(Root("A_ROOT", 1, extra: "\"fields\": { \"a\": { \"type\": \"int\", \"type\": \"bool\" } }"));
            AssertOnly(text, DiagnosticIds.JsonDuplicateKey, "\"type\"", occurrence: 1);
        }

        [Theory]
        [InlineData('[', ']')]
        [InlineData('{', '}')]
        public void NestingTenThousandDeepIsADiagnosticNotAStackOverflow(char open, char close)
        {
            string unit = open == '[' ? "[" : "{\"a\":";
            string text = "{\"kinds\": " + string.Concat(Enumerable.Repeat(unit, 10_000)) + "1" + new string(close, 10_000) + "}";
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.JsonTooDeep, diagnostic.Id);
            Assert.Equal(10 + ((64 - 1) * unit.Length), diagnostic.Span!.Start);
            Assert.Contains("64", DiagnosticCatalog.FormatMessage(diagnostic), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \n\t ")]
        [InlineData("\uFEFF")]
        [InlineData("\uFEFF\r\n")]
        public void EmptyFileIsReportedAtTheStart(string text)
        {
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticIds.EmptyFile, diagnostic.Id);
            Assert.Equal((0, 0), (diagnostic.Span!.StartLine, diagnostic.Span.StartColumn));
        }

        [Fact]
        public void LeadingBomIsIgnoredAndNotCountedAsAColumn()
        {
            Assert.NotNull(Read("\uFEFF" + Minimal).Spec);
            var result = Read("\uFEFF{ \"name\": 5 }");
            var diagnostic = result.Diagnostics.Single(d => d.Id == DiagnosticIds.WrongType);
            Assert.Equal((0, 10), (diagnostic.Span!.StartLine, diagnostic.Span.StartColumn));
            Assert.Equal(11, diagnostic.Span.Start);
        }

        [Fact]
        public void BomInsideTheTextIsNotWhitespace()
        {
            var result = Read("{ \uFEFF}");
            Assert.Equal(DiagnosticIds.JsonSyntax, Assert.Single(result.Diagnostics).Id);
        }

        [Fact]
        public void CrLfAndCrLineEndingsGiveTheSameLines()
        {
            string lf = Kinds(Root("A_ROOT", 1, code: "NOPE"));
            foreach (var text in new[] { lf, lf.Replace("\n", "\r\n"), lf.Replace("\n", "\r") })
            {
                var diagnostic = Assert.Single(Read(text).Diagnostics);
                Assert.Equal(DiagnosticIds.UnknownCode, diagnostic.Id);
                Assert.Equal(8, diagnostic.Span!.StartLine + 1);
                Assert.Equal(PositionOf(lf, "\"NOPE\"").Column, diagnostic.Span.StartColumn + 1);
            }
        }

        [Fact]
        public void SpanCoversTheWholeValueAndStartIndexesTheGivenString()
        {
            string text = Kinds(Root("A_ROOT", 1, code: "NOPE"));
            var span = Assert.Single(Read(text).Diagnostics).Span!;
            Assert.Equal("\"NOPE\"", text.Substring(span.Start, span.Length));
            Assert.Equal(span.StartLine, span.EndLine);
            Assert.Equal(span.StartColumn + 6, span.EndColumn);
        }

        [Fact]
        public void HugeStringIsReadWhole()
        {
            string description = new string('x', 5_000_000);
            var spec = AssertValid(Minimal.Replace("\"Not found.\", \"code\"", "\"" + description + "\", \"code\""));
            Assert.Equal(description, spec.Kinds[0].Description);
        }

        [Fact]
        public void EscapesAreDecoded()
        {
            var spec = AssertValid(Minimal.Replace("\"description\": \"Not found.\"", "\"description\": \"Tab\\there \\\"q\\\" \\u00e9\\/\\\\ \\ud83d\\ude00\""));
            Assert.Equal("Tab\there \"q\" \u00e9/\\ \ud83d\ude00", spec.Kinds[0].Description);
        }

        [Theory]
        [InlineData("\"description\": \"Not found.\"", "\"description\": \"Not \uFFFD( found.\uFFFD\"", "\uFFFD(")]
        [InlineData("\"NOT_FOUND\": {", "\"NOT_\uFFFDFOUND\": {", "\uFFFDFOUND")]
        [InlineData("\"name\": \"Acme\",", "\"name\": \"Acme\", \uFFFD", "\uFFFD")]
        [InlineData("\"name\": \"Acme\",", "\"name\": \"Acme\", // caf\uFFFD\n", "\uFFFD")]
        public void InvalidUtf8DecodedAsReplacementCharacterIsReportedOnceAtTheFirstOne(string find, string replace, string snippet)
        {
            // Invalid UTF-8 bytes reach the generator as U+FFFD; anywhere in the text (string, key, between tokens, comment)
            // they are one ESDK001 at the first replacement character, before anything else is read.
            string text = Minimal.Replace(find, replace);
            Assert.NotEqual(Minimal, text);
            string message = AssertOnly(text, DiagnosticIds.JsonSyntax, snippet);
            Assert.Contains("the file is not valid UTF-8 (or contains U+FFFD): re-save it as UTF-8", message, StringComparison.Ordinal);
        }

        [Fact]
        public void InvalidUtf8IsReportedAtItsLineAndColumnThroughABom()
        {
            string text = "\uFEFF{\n  \"name\": \"Ac\uFFFDme\" }";
            var diagnostic = Assert.Single(Read(text).Diagnostics);
            Assert.Equal(DiagnosticIds.JsonSyntax, diagnostic.Id);
            Assert.Equal((2, 14, 1), (diagnostic.Span!.StartLine + 1, diagnostic.Span.StartColumn + 1, diagnostic.Span.Length));
        }

        [Fact]
        public void ReplacementCharacterWrittenAsAnEscapeIsADeliberateCharacter()
        {
            var spec = AssertValid(Minimal.Replace("\"description\": \"Not found.\"", "\"description\": \"Not \\uFFFD found.\""));
            Assert.Equal("Not \uFFFD found.", spec.Kinds[0].Description);
        }
    }
}
