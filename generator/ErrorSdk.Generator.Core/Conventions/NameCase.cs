using System.Text;

namespace ErrorSdk.Generator.Conventions
{
    /// <summary>The case conversions between taxonomy names (UPPER_SNAKE reasons and codes) and generated names.</summary>
    internal static class NameCase
    {
        /// <summary>
        /// UPPER_SNAKE to PascalCase, as protobuf's C# generator names enum values: <c>TOOL_RATE_LIMIT</c> →
        /// <c>ToolRateLimit</c>, <c>HTTP2_ERROR</c> → <c>Http2Error</c>, <c>RESOURCE_EXHAUSTED</c> → <c>ResourceExhausted</c>.
        /// </summary>
        public static string UpperSnakeToPascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            bool upper = true;
            foreach (char c in name)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                upper = false;
            }

            return builder.ToString();
        }

        /// <summary>
        /// PascalCase to UPPER_SNAKE the way the protobuf style guide and buf's ENUM_VALUE_PREFIX rule do:
        /// <c>ErrorSdkReason</c> → <c>ERROR_SDK_REASON</c>, <c>HTTPError</c> → <c>HTTP_ERROR</c>.
        /// </summary>
        public static string PascalToUpperSnake(string pascal)
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

        /// <summary>A field name to its property name: <c>statusCode</c> → <c>StatusCode</c>.</summary>
        public static string CamelToPascal(string fieldName) =>
            fieldName.Length == 0 ? fieldName : char.ToUpperInvariant(fieldName[0]) + fieldName.Substring(1);
    }
}
