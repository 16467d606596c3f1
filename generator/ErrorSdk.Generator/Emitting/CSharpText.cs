using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ErrorSdk.Generator.Conventions;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>Turns taxonomy values into C# source text: literals, identifiers, XML doc text, numbers.</summary>
    internal static class CSharpText
    {
        // The reserved keywords: a field named like one needs '@' as a parameter (contextual keywords do not).
        private static readonly HashSet<string> Keywords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
            "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
            "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
            "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
            "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
            "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        };

        /// <summary>A C# regular string literal. Everything outside printable ASCII is a \u escape, so no
        /// character (line separators, lone surrogates) can break the source or its encoding.</summary>
        public static string Literal(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c > 0x7E)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
            return builder.ToString();
        }

        /// <summary><c>null</c> or a string literal.</summary>
        public static string LiteralOrNull(string? value) => value is null ? "null" : Literal(value);

        /// <summary>An int in invariant culture.</summary>
        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary><c>true</c> or <c>false</c>.</summary>
        public static string Bool(bool value) => value ? "true" : "false";

        /// <summary>A parameter or local name: <c>@event</c> for a reserved keyword.</summary>
        public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

        /// <summary>
        /// Text for one line of an XML doc comment: markup characters escaped, line breaks and other control
        /// characters (U+2028 included, which would end the comment line) turned into spaces.
        /// </summary>
        public static string Xml(string text)
        {
            var builder = new StringBuilder(text.Length);
            bool pendingSpace = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsSurrogate(c) && !char.IsSurrogatePair(text, i) && !(i > 0 && char.IsSurrogatePair(text, i - 1)))
                {
                    // A lone surrogate cannot be written as UTF-8.
                    c = '\uFFFD';
                }

                if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsWhiteSpace(c))
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default: builder.Append(c); break;
                }
            }

            return builder.ToString();
        }

        /// <summary>The description as doc text, or <paramref name="fallback"/> when it is blank.</summary>
        public static string XmlOr(string? description, string fallback)
        {
            var text = description is null ? string.Empty : Xml(description);
            return text.Length == 0 ? Xml(fallback) : text;
        }

        /// <summary><c>global::Google.Rpc.Code.ResourceExhausted</c> for code 8; a cast for a value outside the table.</summary>
        public static string CodeMember(int codeValue)
        {
            if (codeValue < 0 || codeValue >= GrpcCodeTable.Names.Length)
            {
                return "(global::Google.Rpc.Code)(" + Number(codeValue) + ")";
            }

            return "global::Google.Rpc.Code." + NameCase.UpperSnakeToPascal(GrpcCodeTable.Names[codeValue]);
        }

        /// <summary>The canonical name of a code (<c>RESOURCE_EXHAUSTED</c>), for docs.</summary>
        public static string CodeName(int codeValue) => GrpcCodeTable.NameOf(codeValue);

        /// <summary>The file name of a path, whatever its separators: output never depends on the machine.</summary>
        public static string FileName(string path)
        {
            int cut = path.LastIndexOfAny(new[] { '/', '\\' });
            return cut < 0 ? path : path.Substring(cut + 1);
        }

        /// <summary><paramref name="preferred"/>, or it followed by underscores until no field name takes it.</summary>
        public static string UniqueName(string preferred, ICollection<string> taken)
        {
            var name = preferred;
            while (taken.Contains(name))
            {
                name += "_";
            }

            return name;
        }
    }
}
