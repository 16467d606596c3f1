using System;
using System.Linq;
using ErrorSdk.Generator.Emitting;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>Taxonomy text becomes C# text that means exactly the same thing.</summary>
    public sealed class CSharpTextTests
    {
        private static readonly char[] Interesting =
            "aZ09 \"\\{}%'\n\r\t\0\u0085\u2028\u2029\u00e9\u65e5\ud83d\ude00\ud800\udc00\uffff".ToCharArray();

        [Fact]
        public void Literal_ParsesBackToTheSameString_ForAnyText()
        {
            var text = Gen.OneOf(Gen.OneOf(Interesting), Gen.Int[0, 0xFFFF].Select(i => (char)i)).Array[0, 40]
                .Select(chars => new string(chars));
            text.Sample(value => ParseLiteral(CSharpText.Literal(value)) == value, iter: 500, threads: 1);
        }

        [Fact]
        public void Literal_IsPrintableAscii()
        {
            var literal = CSharpText.Literal("a\u2028b\u00e9\ud800\"\\");
            Assert.All(literal, c => Assert.InRange(c, ' ', '~'));
            Assert.Equal("\"a\\u2028b\\u00E9\\uD800\\\"\\\\\"", literal);
        }

        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("a <b> & c", "a &lt;b&gt; &amp; c")]
        [InlineData("line\nbreak\r\n and \u2028 separator", "line break and separator")]
        [InlineData("  padded\t", "padded")]
        public void Xml_EscapesMarkupAndKeepsOneLine(string text, string expected)
        {
            Assert.Equal(expected, CSharpText.Xml(text));
        }

        [Fact]
        public void Xml_ReplacesLoneSurrogates_AndKeepsPairs()
        {
            // In a [Fact]: theory data with lone surrogates does not survive xunit's serialization.
            Assert.Equal("lone \ufffd surrogate", CSharpText.Xml("lone \ud800 surrogate"));
            Assert.Equal("low \ufffd first", CSharpText.Xml("low \udc00 first"));
            Assert.Equal("pair \ud83d\ude00 kept", CSharpText.Xml("pair \ud83d\ude00 kept"));
        }

        [Theory]
        [InlineData("event", "@event")]
        [InlineData("params", "@params")]
        [InlineData("value", "value")]
        [InlineData("provider", "provider")]
        public void Identifier_EscapesReservedKeywordsOnly(string name, string expected)
        {
            Assert.Equal(expected, CSharpText.Identifier(name));
        }

        [Theory]
        [InlineData(8, "global::Google.Rpc.Code.ResourceExhausted")]
        [InlineData(4, "global::Google.Rpc.Code.DeadlineExceeded")]
        [InlineData(16, "global::Google.Rpc.Code.Unauthenticated")]
        [InlineData(99, "(global::Google.Rpc.Code)(99)")]
        public void CodeMember_NamesTheProtobufEnumMember(int code, string expected)
        {
            Assert.Equal(expected, CSharpText.CodeMember(code));
        }

        [Fact]
        public void CodeMember_NamesExistOnGoogleRpcCode()
        {
            for (int code = 0; code <= 16; code++)
            {
                var member = CSharpText.CodeMember(code).Substring("global::Google.Rpc.Code.".Length);
                Assert.True(Enum.TryParse<Google.Rpc.Code>(member, out var parsed), member);
                Assert.Equal(code, (int)parsed);
            }
        }

        [Theory]
        [InlineData("/a/b/taxonomy.json", "taxonomy.json")]
        [InlineData("C:\\a\\b\\billing.taxonomy.json", "billing.taxonomy.json")]
        [InlineData("taxonomy.json", "taxonomy.json")]
        public void FileName_IgnoresTheDirectoryWhateverTheSeparator(string path, string expected)
        {
            Assert.Equal(expected, CSharpText.FileName(path));
        }

        private static string ParseLiteral(string literal)
        {
            var expression = SyntaxFactory.ParseExpression(literal);
            Assert.False(expression.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), literal);
            return (string)((LiteralExpressionSyntax)expression).Token.Value!;
        }
    }
}
