using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>
    /// Text for descriptions, deprecation notes and the literal parts of message templates: ordinary words mixed with
    /// what breaks careless emitters and renderers (C# string and XML doc escaping, format specifiers, comment ends).
    /// </summary>
    internal static class Texts
    {
        private static readonly string[] Words =
        {
            "The", "provider", "rejected", "the", "request", "quota", "is", "exhausted", "retry", "later", "upstream",
            "failed", "connection", "reset", "user", "cannot", "be", "provisioned", "a", "an", "of", "for", "and", "or",
        };

        private static readonly string[] Hostile =
        {
            "%", "%s", "%d", "100%", "{0}", "{{", "}}", "{{literal}}", "\"quoted\"", "'single'", "back\\slash", "C:\\path\\n",
            "<tag>", "a < b", "a > b", "&amp;", "&", "*/", "/*", "//", "///", "#region", "\t", "\n", "\r\n", "é", "ß", "☃",
            "𝄞", "日本語", "Ωmega", "\u00a0", "\u200b", "@\"verbatim\"", "$\"{x}\"", "\"\"\"", "\\u0041", "null", "`tick`",
        };

        /// <summary>A non-blank text of a few words, sometimes with hostile pieces.</summary>
        public static Gen<string> Prose() =>
            from first in Gen.OneOf(Words)
            from rest in Gens.SizedList(Gen.Frequency((4, Gen.OneOf(Words)), (1, Gen.OneOf(Hostile))))
            select Join(first, rest.Take(12));

        /// <summary>A literal piece of a template (before escaping braces): words or hostile text.</summary>
        public static Gen<string> TemplateLiteral() =>
            Gen.Frequency((3, Gen.OneOf(Words)), (2, Gen.OneOf(Hostile)), (1, Gen.Const(" ")));

        /// <summary>Escapes a literal for a template: <c>{</c> → <c>{{</c>, <c>}</c> → <c>}}</c>.</summary>
        public static string EscapeBraces(string literal) => literal.Replace("{", "{{").Replace("}", "}}");

        /// <summary>
        /// A field value: any valid UTF-16 (no lone surrogates: protobuf strings are UTF-8), with the characters
        /// that format strings, templates and percent-encoding treat specially, empty sometimes.
        /// </summary>
        public static Gen<string> Value() =>
            Gen.Frequency(
                (1, Gen.Const(string.Empty)),
                (2, Gen.OneOf("%", "{", "}", "{x}", "{{", "%s", "%%", "100%", "{0}", "}{", "%25", "%E2%98%83", " ")),
                (8, Gens.SizedList(ValueChar()).Select(chars => string.Concat(chars.Take(40)))));

        private static Gen<string> ValueChar() =>
            Gen.Frequency(
                (6, Gen.Int[0x20, 0x7E].Select(c => ((char)c).ToString())),
                (2, Gen.OneOf("%", "{", "}", "\\", "\"", "'")),
                (1, Gen.Int[0, 0x1F].Select(c => ((char)c).ToString())),
                (2, Gen.Int[0xA0, 0xD7FF].Select(c => ((char)c).ToString())),
                (1, Gen.Int[0xE000, 0xFFFD].Select(c => ((char)c).ToString())),
                (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

        private static string Join(string first, IEnumerable<string> rest)
        {
            var text = new StringBuilder(first);
            foreach (var word in rest)
            {
                text.Append(' ').Append(word);
            }

            return text.ToString();
        }
    }
}
