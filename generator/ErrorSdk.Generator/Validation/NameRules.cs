using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>The lexical rules of the format: patterns, keywords and the C# names derived from taxonomy names.</summary>
    internal static class NameRules
    {
        public const int MaxReasonLength = 63;
        public const int MaxFieldNameLength = 64;

        // Explicit ASCII classes ([0-9], not \d) so Unicode digits never pass; all patterns are linear.
        private static readonly Regex ReasonPattern = new Regex("^[A-Z][A-Z0-9_]*[A-Z0-9]$", RegexOptions.CultureInvariant);
        private static readonly Regex FieldNamePattern = new Regex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant);
        private static readonly Regex TaxonomyNamePattern = new Regex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
        private static readonly Regex IdentifierPattern = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex ProtoPackagePattern = new Regex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant);
        private static readonly Regex DomainLabelPattern = new Regex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
        private static readonly Regex HttpClassPattern = new Regex("^[1-5]xx$", RegexOptions.CultureInvariant);

        // semver.org's recommended pattern, with [0-9] for \d.
        private static readonly Regex SemVerPattern = new Regex(
            "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
            + "(-((0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?$",
            RegexOptions.CultureInvariant);

        /// <summary>C# reserved keywords (contextual keywords are valid identifiers).</summary>
        private static readonly HashSet<string> CSharpKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while",
        };

        /// <summary>Members a generated exception inherits from TaxonomyException, Exception or object: a field property may not reuse them.</summary>
        public static readonly HashSet<string> BaseExceptionMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Reason", "Domain", "Code", "HttpStatus", "Retry", "IsRetryable", "RetryAfter", "Metadata", "DeveloperMessage",
            "ReceivedStatus", "Received", "Kind", "Message", "Data", "Source", "StackTrace", "InnerException", "HelpLink",
            "HResult", "TargetSite", "ToStatus", "GetType", "ToString", "GetHashCode", "Equals", "GetBaseException",
            "GetObjectData", "MemberwiseClone", "ReferenceEquals", "Finalize", "SerializeObjectState",
            // Generated per class: the metadata writer override and the template renderer.
            "WriteMetadata", "RenderMessage",
        };

        /// <summary>Runtime type names a generated type may not shadow in code that imports both namespaces.</summary>
        public static readonly string[] RuntimeTypeNames = { "TaxonomyException", "UnclassifiedException", "IErrorTaxonomy" };

        public static readonly string[] Transports = { "timeout", "unreachable", "undecodable", "redirect_limit", "limit_exceeded", "invalid_request", "tls" };

        public static readonly string[] RetryNames = { "never", "transient", "throttled", "reauthenticate" };

        public static readonly string[] FieldTypeNames = { "string", "int", "bool", "duration", "uri" };

        /// <summary>Null when valid, else why not (completes "Reason 'X' is invalid: ...").</summary>
        public static string? ReasonProblem(string reason)
        {
            if (reason.Length > MaxReasonLength)
            {
                return "it has " + reason.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters, more than 63";
            }

            return ReasonPattern.IsMatch(reason)
                ? null
                : "use only uppercase letters, digits and underscores, start with a letter and end with a letter or digit";
        }

        public static string? FieldNameProblem(string name)
        {
            if (name.Length > MaxFieldNameLength)
            {
                return "it has " + name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters, more than 64";
            }

            return FieldNamePattern.IsMatch(name) ? null : "start with a lowercase letter and use only ASCII letters and digits";
        }

        public static bool IsTaxonomyName(string name) => TaxonomyNamePattern.IsMatch(name);

        public static bool IsProtoPackage(string name) => ProtoPackagePattern.IsMatch(name);

        public static bool IsSemVer(string version) => version.Length <= 256 && SemVerPattern.IsMatch(version);

        public static bool IsHttpClass(string text) => HttpClassPattern.IsMatch(text);

        public static string? NamespaceProblem(string ns)
        {
            if (ns.Length == 0)
            {
                return "it is empty";
            }

            foreach (var segment in ns.Split('.'))
            {
                if (segment.Length == 0)
                {
                    return "it has an empty segment (two dots, or a dot at an end)";
                }

                if (!IdentifierPattern.IsMatch(segment))
                {
                    return "'" + Shorten(segment) + "' is not an ASCII identifier";
                }

                if (CSharpKeywords.Contains(segment))
                {
                    return "'" + segment + "' is a C# keyword";
                }
            }

            foreach (var reserved in ReservedNamespaces)
            {
                if (ns == reserved || ns.StartsWith(reserved + ".", System.StringComparison.Ordinal))
                {
                    return "it lies in '" + reserved + "', which belongs to the framework or to a library the generated code uses; "
                        + "a generated type there can clash with one of theirs (e.g. 'System.ArgumentException')";
                }
            }

            return null;
        }

        /// <summary>Namespaces whose types the generated code cannot see past: the framework's and the wire libraries'.</summary>
        public static readonly string[] ReservedNamespaces = { "System", "Microsoft", "Google.Protobuf", "Google.Rpc", "Google.Api" };

        public static string? DomainProblem(string domain)
        {
            if (domain.Trim().Length == 0)
            {
                return "it is empty";
            }

            if (domain.Length > 253)
            {
                return "it is longer than 253 characters";
            }

            foreach (var label in domain.Split('.'))
            {
                if (label.Length == 0)
                {
                    return "it has an empty label (two dots, or a dot at an end)";
                }

                if (label.Length > 63 || !DomainLabelPattern.IsMatch(label))
                {
                    return "label '" + Shorten(label) + "' must be 1-63 letters, digits or inner hyphens";
                }
            }

            return null;
        }

        /// <summary>TOOL_RATE_LIMIT → ToolRateLimit; HTTP2_ERROR → Http2Error.</summary>
        public static string ToPascalName(string reason)
        {
            var builder = new StringBuilder(reason.Length);
            foreach (var segment in reason.Split('_'))
            {
                if (segment.Length == 0)
                {
                    continue;
                }

                builder.Append(char.ToUpperInvariant(segment[0]));
                builder.Append(segment.Substring(1).ToLowerInvariant());
            }

            return builder.ToString();
        }

        /// <summary>statusCode → StatusCode.</summary>
        public static string ToPropertyName(string fieldName) =>
            fieldName.Length == 0 ? fieldName : char.ToUpperInvariant(fieldName[0]) + fieldName.Substring(1);

        public static string Shorten(string value) => Parsing.JsonReader.Shorten(value);
    }
}
