using System.Text;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Emitting
{
    /// <summary>Name conversions the emitters share.</summary>
    internal static class Naming
    {
        /// <summary>
        /// PascalCase to UPPER_SNAKE_CASE the way the protobuf style guide and buf's ENUM_VALUE_PREFIX rule do:
        /// <c>ErrorSdkReason</c> → <c>ERROR_SDK_REASON</c>, <c>HTTPError</c> → <c>HTTP_ERROR</c>.
        /// </summary>
        public static string ToUpperSnake(string pascal)
        {
            var builder = new StringBuilder(pascal.Length + 8);
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (i > 0 && char.IsUpper(c))
                {
                    char previous = pascal[i - 1];
                    bool nextIsLower = i + 1 < pascal.Length && char.IsLower(pascal[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    {
                        builder.Append('_');
                    }
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>The prefix of every value of the proto reason enum: <c>ERROR_SDK_REASON_</c>.</summary>
        public static string ProtoEnumValuePrefix(TaxonomySpec spec) => ToUpperSnake(spec.ReasonEnumName) + "_";

        /// <summary>The proto enum value name of a reason: <c>ERROR_SDK_REASON_NOT_FOUND</c>.</summary>
        public static string ProtoEnumValue(TaxonomySpec spec, string reason) => ProtoEnumValuePrefix(spec) + reason;

        /// <summary>The retry policy as the taxonomy spells it.</summary>
        public static string RetryName(RetryKind retry) => retry switch
        {
            RetryKind.Transient => "transient",
            RetryKind.Throttled => "throttled",
            RetryKind.Reauthenticate => "reauthenticate",
            _ => "never",
        };

        /// <summary>The field type as the taxonomy spells it.</summary>
        public static string FieldTypeName(FieldKind type) => type switch
        {
            FieldKind.Int => "int",
            FieldKind.Bool => "bool",
            FieldKind.Duration => "duration",
            FieldKind.Uri => "uri",
            _ => "string",
        };

        /// <summary>A short human title of a reason: <c>TOO_MANY_REQUESTS</c> → <c>Too many requests</c>.</summary>
        public static string Title(string reason)
        {
            var words = reason.ToLowerInvariant().Replace('_', ' ');
            return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words.Substring(1);
        }
    }
}
